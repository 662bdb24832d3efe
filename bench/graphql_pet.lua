-- POST /v1/graphql: pet(id:) with the fields GET /v1/pets/{id} answers (PET_ID, default Max of the
-- shared pool). The JSON body is built once; wrk sends it with every request.
local id = os.getenv("PET_ID") or "019b4132-70aa-764f-b315-e2803d882a24"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
wrk.body = '{"query":"query Pet($id: UUID!) { pet(id: $id) { id name species breed ageMonths size color gender goodWithKids'
  .. ' price currency description status medicalInfo { vaccinated spayedNeutered microchipped specialNeeds healthNotes }'
  .. ' photos tenantId createdAt updatedAt } }","variables":{"id":"' .. id .. '"}}'
