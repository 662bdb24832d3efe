package io.petstore.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.petstore.v1.DomainException;

/**
 * Accepts an upload only if it decodes as a JPEG, PNG, WebP or GIF image, whatever its name or
 * declared type says. The dimensions are read from the header first, so a small file claiming a
 * huge image (a decompression bomb) is refused before any pixel is decoded.
 */
final class ImageCheck {

	static final long MAX_PIXELS = 40_000_000L;

	private static final Map<String, String> TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp",
			"gif", "image/gif");

	record Image(String contentType, int width, int height) {
	}

	private ImageCheck() {
	}

	static Image check(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				String type = TYPES.get(format.equals("jpg") ? "jpeg" : format);
				if (type == null) {
					throw notAnImage();
				}
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					throw DomainException.invalid("file", "image is " + width + "x" + height
							+ " pixels; at most " + MAX_PIXELS + " pixels are accepted", "image_too_large");
				}
				reader.read(0);
				return new Image(type, width, height);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DomainException problem) {
				throw problem;
			}
			throw notAnImage();
		}
	}

	private static DomainException notAnImage() {
		return DomainException.invalid("file", "is not a JPEG, PNG, WebP or GIF image", "unsupported_image");
	}

}
