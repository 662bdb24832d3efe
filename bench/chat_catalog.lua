-- POST /v1/chat/completions, not streamed, offline: a catalog question (the tenant's pets + the knowledge base)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"messages":[{"role":"USER","content":"Which available cats are good with kids under 100 USD?"}],"stream":false,"temperature":0}'
