package io.petstore.v1;

import org.springframework.test.context.TestPropertySource;

/**
 * The admin API again, with user searches that match more users than the server orders and pages
 * itself (two here, 2,000 by default): those count and page in the database instead, and must find
 * the same users in the same order.
 */
@TestPropertySource(properties = "petstore.account.search-candidates=2")
class AdminUserSearchJoinTest extends AdminApiTest {

}
