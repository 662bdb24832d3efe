-- Sends the administrator's bearer token and tenant (environment ADMIN_TOKEN, ADMIN_TENANT).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ADMIN_TOKEN")
wrk.headers["X-Tenant-ID"] = os.getenv("ADMIN_TENANT")
