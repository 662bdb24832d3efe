-- 100,000 rows each of pets, users, orders and payments in one tenant: bench/admin_data.sql for
-- PostgreSQL (run by bench/admin.sh postgres with the server stopped). The same rows: statuses,
-- species and days are spread evenly over a year.
INSERT INTO tenant (id, created_at) VALUES ('00000000-0000-0000-0000-00000000ad00', CURRENT_TIMESTAMP);
INSERT INTO catalog_pet (tenant_id, id, name, species, age_months, price, currency, status, has_medical, photos_json,
    created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', gen_random_uuid(), 'Pet ' || x,
    CASE x % 6 WHEN 0 THEN 'DOG' WHEN 1 THEN 'CAT' WHEN 2 THEN 'RABBIT' WHEN 3 THEN 'BIRD' WHEN 4 THEN 'REPTILE' ELSE 'OTHER' END,
    x % 200, 100.00, 'USD',
    CASE x % 4 WHEN 0 THEN 'AVAILABLE' WHEN 1 THEN 'PENDING' WHEN 2 THEN 'ADOPTED' ELSE 'NOT_AVAILABLE' END,
    FALSE, '[]', CURRENT_TIMESTAMP - (x % 365) * INTERVAL '1 day', CURRENT_TIMESTAMP
FROM generate_series(1, 100000) AS x;
INSERT INTO account_user (tenant_id, id, username, username_key, email, email_key, first_name, last_name, password_hash,
    role, status, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', gen_random_uuid(), 'user' || x, 'user' || x, 'user' || x || '@example.com',
    'user' || x || '@example.com', 'First', 'Last', 'not-a-hash', 'USER',
    CASE WHEN x % 20 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
    CURRENT_TIMESTAMP - ((x * 7) % 525600) * INTERVAL '1 minute', CURRENT_TIMESTAMP
FROM generate_series(1, 100000) AS x;
INSERT INTO store_order (tenant_id, id, pet_id, user_id, status, total_amount, currency, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
    CASE x % 5 WHEN 0 THEN 'PLACED' WHEN 1 THEN 'APPROVED' WHEN 2 THEN 'SHIPPED' WHEN 3 THEN 'DELIVERED' ELSE 'CANCELLED' END,
    100.00, 'USD', CURRENT_TIMESTAMP - ((x * 11) % 525600) * INTERVAL '1 minute', CURRENT_TIMESTAMP
FROM generate_series(1, 100000) AS x;
INSERT INTO payment (tenant_id, id, order_id, user_id, amount, currency, status, source_json, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 100.00,
    CASE WHEN x % 3 = 0 THEN 'EUR' ELSE 'USD' END, CASE WHEN x % 10 = 0 THEN 'REFUNDED' ELSE 'SUCCEEDED' END, '{}',
    CURRENT_TIMESTAMP - ((x * 13) % 525600) * INTERVAL '1 minute', CURRENT_TIMESTAMP
FROM generate_series(1, 100000) AS x;
-- The figures the server keeps with every write (persistence.Tallies; migration V14 fills them from
-- the rows that exist when it runs): rows inserted here bypass the server, so they are counted here.
INSERT INTO catalog_pet_tally (tenant_id, status, species, slot, n)
SELECT tenant_id, status, species, 0, COUNT(*) FROM catalog_pet WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00' GROUP BY tenant_id, status, species;
INSERT INTO store_order_tally (tenant_id, status, slot, n)
SELECT tenant_id, status, 0, COUNT(*) FROM store_order WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00' GROUP BY tenant_id, status;
INSERT INTO store_order_daily (tenant_id, utc_day, slot, n)
SELECT tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), 0, COUNT(*) FROM store_order WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00'
GROUP BY tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE);
INSERT INTO account_user_tally (tenant_id, status, slot, n)
SELECT tenant_id, status, 0, COUNT(*) FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00' GROUP BY tenant_id, status;
INSERT INTO account_user_daily (tenant_id, utc_day, slot, n)
SELECT tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), 0, COUNT(*) FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00'
GROUP BY tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE);
INSERT INTO payment_daily (tenant_id, utc_day, currency, status, slot, n, amount)
SELECT tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), currency, status, 0, COUNT(*), SUM(amount) FROM payment
WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00' GROUP BY tenant_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), currency, status;
-- The user search's substring index (account.UserSearchKeys): every suffix of at least 3 characters
-- of each username and email, its first 16 characters as UTF-8 bytes (these keys have no
-- suffix twice).
INSERT INTO account_user_search (tenant_id, suffix, user_id)
SELECT tenant_id, convert_to(substr(k, x, 16), 'UTF8'), id
FROM (SELECT tenant_id, id, username_key AS k FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00'
      UNION ALL SELECT tenant_id, id, email_key FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00') keys
JOIN generate_series(1, 254) AS x ON x <= length(k) - 2;
