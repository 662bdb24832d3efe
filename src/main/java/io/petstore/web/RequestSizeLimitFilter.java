package io.petstore.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: {@code petstore.limits.body-bytes} for ordinary bodies, {@code
 * petstore.limits.upload-bytes} for multipart uploads. A declared Content-Length over the cap is
 * refused before anything is read; a chunked body fails with {@link RequestTooLargeException} as
 * soon as it passes the cap. Either way the adapter answers 413 and nothing is stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long bodyLimit;

	private final long uploadLimit;

	RequestSizeLimitFilter(@Value("${petstore.limits.body-bytes}") long bodyLimit,
			@Value("${petstore.limits.upload-bytes}") long uploadLimit) {
		this.bodyLimit = bodyLimit;
		this.uploadLimit = uploadLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
		long limit = multipart ? uploadLimit : bodyLimit;
		if (multipart) {
			// Jetty's multipart parser enforces spring.servlet.multipart.max-request-size itself.
			chain.doFilter(request, response);
			return;
		}
		// Reading fails at once when the declared length is over the cap, so nothing is read, and the
		// adapter's own error handling writes the 413 in its API's format.
		boolean declaredTooLarge = request.getContentLengthLong() > limit;
		chain.doFilter(new LimitedRequest(request, response, limit, declaredTooLarge), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private final boolean declaredTooLarge;

		private final HttpServletResponse response;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, HttpServletResponse response, long limit, boolean declaredTooLarge) {
			super(request);
			this.response = response;
			this.limit = limit;
			this.declaredTooLarge = declaredTooLarge;
		}

		/**
		 * The rest of the body stays unread, so the connection ends with the answer: say so, so that
		 * clients do not send their next request on it.
		 */
		private RequestTooLargeException tooLarge() {
			if (!response.isCommitted()) {
				response.setHeader("Connection", "close");
			}
			return new RequestTooLargeException(limit);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (declaredTooLarge) {
				throw tooLarge();
			}
			if (stream == null) {
				stream = new LimitedInputStream(super.getInputStream(), limit, this);
			}
			return stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private final LimitedRequest request;

		private long count;

		LimitedInputStream(ServletInputStream in, long limit, LimitedRequest request) {
			this.in = in;
			this.limit = limit;
			this.request = request;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buf, int off, int len) throws IOException {
			int n = in.read(buf, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws RequestTooLargeException {
			count += n;
			if (count > limit) {
				throw request.tooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
