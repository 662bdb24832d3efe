-- POST /v1/pets with a bearer token (TOKEN): every request creates a new available pet
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"name":"Bench","species":"DOG","breed":"Beagle","ageMonths":14,"size":"MEDIUM","price":"99.00","currency":"USD","status":"AVAILABLE","medicalInfo":{"vaccinated":true}}'
