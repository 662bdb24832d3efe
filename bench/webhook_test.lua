-- POST /v1/webhooks/{WEBHOOK_ID}/test with a bearer token (TOKEN): every request queues one delivery
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.path = "/v1/webhooks/" .. os.getenv("WEBHOOK_ID") .. "/test"
