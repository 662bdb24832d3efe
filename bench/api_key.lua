-- Sends the api_key header (environment API_KEY) with every request.
wrk.headers["api_key"] = os.getenv("API_KEY")
