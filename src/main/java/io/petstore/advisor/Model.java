package io.petstore.advisor;

/**
 * The advisor's models. Offline, PET_ADVISOR_1 answers with up to 10 catalog pets and 3 passages
 * (2 next to a catalog answer); PET_ADVISOR_TURBO with up to 5 pets and the first two sentences of
 * the best passage. Upstream, both send the configured upstream model.
 */
enum Model {

	PET_ADVISOR_1(10, 3, Integer.MAX_VALUE), PET_ADVISOR_TURBO(5, 1, 2);

	final int pets;

	final int passages;

	final int sentences;

	Model(int pets, int passages, int sentences) {
		this.pets = pets;
		this.passages = passages;
		this.sentences = sentences;
	}

}
