-- POST /v2/pet without an id: every request creates a new pet with a fresh id
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"posted","category":{"id":1,"name":"Dogs"},"photoUrls":["u"],"tags":[{"id":1,"name":"bench"}],"status":"sold"}'
