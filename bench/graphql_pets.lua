-- POST /v1/graphql: the first page of 20 pets with nested fields (as GET /v1/pets?limit=20 lists them).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
wrk.body = '{"query":"{ pets(limit: 20) { data { id name species status price medicalInfo { vaccinated } }'
  .. ' pagination { totalItems } } }"}'
