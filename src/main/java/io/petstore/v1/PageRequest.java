package io.petstore.v1;

/** {@code page} (from 1) and {@code limit} (1 to 100, default 20), checked. */
public record PageRequest(int page, int limit) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	public PageRequest {
		if (page < 1) {
			throw DomainException.badRequest("Invalid value for parameter 'page': must be 1 or more.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw DomainException.badRequest("Invalid value for parameter 'limit': must be between 1 and " + MAX_LIMIT + ".");
		}
		if ((long) page * limit > Integer.MAX_VALUE) {
			throw DomainException.badRequest("Invalid value for parameter 'page': too large.");
		}
	}

	public static PageRequest of(Integer page, Integer limit) {
		return new PageRequest(page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
	}

	public int offset() {
		return (page - 1) * limit;
	}

}
