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
