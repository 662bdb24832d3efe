-- POST /v1/chat/completions, not streamed, offline: a pet-care question (knowledge base only)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"messages":[{"role":"USER","content":"How often should I feed my kitten, and which vaccines does it need?"}],"stream":false,"temperature":0}'
