-- 100,000 rows each of pets, users, orders and payments in one tenant (H2; run with the server
-- stopped by bench/run.sh). Statuses, species and days are spread evenly over a year.
INSERT INTO tenant (id, created_at) VALUES ('00000000-0000-0000-0000-00000000ad00', CURRENT_TIMESTAMP);
INSERT INTO catalog_pet (tenant_id, id, name, species, age_months, price, currency, status, has_medical, photos_json,
    created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', RANDOM_UUID(), 'Pet ' || X,
    CASE MOD(X, 6) WHEN 0 THEN 'DOG' WHEN 1 THEN 'CAT' WHEN 2 THEN 'RABBIT' WHEN 3 THEN 'BIRD' WHEN 4 THEN 'REPTILE' ELSE 'OTHER' END,
    MOD(X, 200), 100.00, 'USD',
    CASE MOD(X, 4) WHEN 0 THEN 'AVAILABLE' WHEN 1 THEN 'PENDING' WHEN 2 THEN 'ADOPTED' ELSE 'NOT_AVAILABLE' END,
    FALSE, '[]', DATEADD('DAY', -MOD(X, 365), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);
INSERT INTO account_user (tenant_id, id, username, username_key, email, email_key, first_name, last_name, password_hash,
    role, status, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', RANDOM_UUID(), 'user' || X, 'user' || X, 'user' || X || '@example.com',
    'user' || X || '@example.com', 'First', 'Last', 'not-a-hash', 'USER',
    CASE WHEN MOD(X, 20) = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
    DATEADD('MINUTE', -MOD(X * 7, 525600), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);
INSERT INTO store_order (tenant_id, id, pet_id, user_id, status, total_amount, currency, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', RANDOM_UUID(), RANDOM_UUID(), RANDOM_UUID(),
    CASE MOD(X, 5) WHEN 0 THEN 'PLACED' WHEN 1 THEN 'APPROVED' WHEN 2 THEN 'SHIPPED' WHEN 3 THEN 'DELIVERED' ELSE 'CANCELLED' END,
    100.00, 'USD', DATEADD('MINUTE', -MOD(X * 11, 525600), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);
INSERT INTO payment (tenant_id, id, order_id, user_id, amount, currency, status, source_json, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000ad00', RANDOM_UUID(), RANDOM_UUID(), RANDOM_UUID(), 100.00,
    CASE WHEN MOD(X, 3) = 0 THEN 'EUR' ELSE 'USD' END, CASE WHEN MOD(X, 10) = 0 THEN 'REFUNDED' ELSE 'SUCCEEDED' END, '{}',
    DATEADD('MINUTE', -MOD(X * 13, 525600), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);
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
SELECT tenant_id, STRINGTOUTF8(SUBSTRING(k, X, 16)), id
FROM (SELECT tenant_id, id, username_key AS k FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00'
      UNION ALL SELECT tenant_id, id, email_key FROM account_user WHERE tenant_id = '00000000-0000-0000-0000-00000000ad00') keys
JOIN SYSTEM_RANGE(1, 254) ON X <= LENGTH(k) - 2;
