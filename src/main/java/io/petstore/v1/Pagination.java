package io.petstore.v1;

/** The {@code pagination} object of every /v1 collection. */
public record Pagination(int page, int limit, long totalItems, long totalPages) {

	public static Pagination of(PageRequest request, long totalItems) {
		return new Pagination(request.page(), request.limit(), totalItems,
				totalItems == 0 ? 0 : (totalItems + request.limit() - 1) / request.limit());
	}

}
