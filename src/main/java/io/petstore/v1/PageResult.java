package io.petstore.v1;

import java.util.List;

/** A /v1 collection: {@code {data, pagination}}. */
public record PageResult<T>(List<T> data, Pagination pagination) {

	public static <T> PageResult<T> of(List<T> data, PageRequest request, long totalItems) {
		return new PageResult<>(data, Pagination.of(request, totalItems));
	}

}
