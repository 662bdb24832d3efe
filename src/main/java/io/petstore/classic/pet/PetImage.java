package io.petstore.classic.pet;

import java.util.UUID;

/** An uploaded file as stored. */
record PetImage(UUID id, long petId, String fileName, String contentType, byte[] content) {
}
