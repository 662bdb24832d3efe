package io.petstore.advisor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.petstore.advisor.PetAdvisor.Role;
import io.petstore.advisor.PetAdvisor.Turn;
import io.petstore.tenancy.Tenant;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetFilter;
import io.petstore.catalog.Species;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/**
 * The answer without a network: the last user turn is the question; the catalog of the tenant
 * answers what it asks of the catalog ({@link CatalogQuestion}), the knowledge base
 * ({@link KnowledgeBase}) the rest. The same conversation and catalog always give the same text
 * (temperature does not change it).
 */
@Component
class OfflineAdvisor {

	static final String HELP = "I can help with feeding, vaccination schedules, house-training, grooming, signs of illness "
			+ "and adoption for dogs, cats, rabbits, birds and reptiles, and I can look up the pets available in this "
			+ "store (for example: \"Which available cats are good with kids under 100 USD?\").";

	private static final int SCAN_PAGES = 20;

	private final KnowledgeBase knowledge;

	private final PetCatalog catalog;

	OfflineAdvisor(KnowledgeBase knowledge, PetCatalog catalog) {
		this.knowledge = knowledge;
		this.catalog = catalog;
	}

	/** The answer's body (without the disclaimer). */
	String body(Tenant tenant, List<Turn> conversation, Model model) {
		String question = lastUserTurn(conversation);
		if (question.isBlank()) {
			return HELP;
		}
		Set<Species> species = CatalogQuestion.speciesIn(question);
		if (species.isEmpty()) {
			species = earlierSpecies(conversation);
		}
		CatalogQuestion asked = CatalogQuestion.read(question, species);
		List<String> parts = new ArrayList<>();
		if (asked.asksCatalog()) {
			parts.add(catalogAnswer(tenant, asked, model));
		}
		int passages = asked.asksCatalog() ? Math.max(1, model.passages - 1) : model.passages;
		for (KnowledgeBase.Passage passage : knowledge.search(question, species, passages)) {
			parts.add(passage.title() + ": " + sentences(passage.text(), model.sentences));
		}
		if (parts.isEmpty()) {
			parts.add(HELP);
		}
		return String.join("\n\n", parts);
	}

	/** The catalog's answer to the conversation's last question (its available pets when it asks nothing of the catalog). */
	String catalogFacts(Tenant tenant, List<Turn> conversation) {
		String question = lastUserTurn(conversation);
		Set<Species> species = CatalogQuestion.speciesIn(question);
		if (species.isEmpty()) {
			species = earlierSpecies(conversation);
		}
		return catalogAnswer(tenant, CatalogQuestion.read(question, species), Model.PET_ADVISOR_1);
	}

	/** The pets matching the question, cheapest first, named with their ids and prices. */
	String catalogAnswer(Tenant tenant, CatalogQuestion asked, Model model) {
		PetFilter filter = new PetFilter(asked.species().isEmpty() ? null : asked.species(), asked.statuses(), null, null,
				asked.sizes().isEmpty() ? null : asked.sizes(), asked.goodWithKids(), asked.vaccinated(), null, null, "price",
				false);
		List<Pet> matching = new ArrayList<>();
		int total = 0;
		for (int page = 1; page <= SCAN_PAGES; page++) {
			PageResult<Pet> result = catalog.find(tenant, filter, new PageRequest(page, PageRequest.MAX_LIMIT));
			for (Pet pet : result.data()) {
				if (asked.priceMatches(pet.price(), pet.currency())) {
					total++;
					if (matching.size() < model.pets) {
						matching.add(pet);
					}
				}
			}
			if (result.data().size() < PageRequest.MAX_LIMIT) {
				break;
			}
		}
		String what = asked.describe();
		if (total == 0) {
			return "From the catalog: there are no " + what + " right now.";
		}
		StringBuilder out = new StringBuilder("From the catalog (" + what + "): ")
			.append(total == 1 ? "1 pet matches." : total + " pets match.");
		for (Pet pet : matching) {
			out.append("\n- ").append(describe(pet));
		}
		if (total > matching.size()) {
			out.append("\n- and ").append(total - matching.size()).append(" more (GET /v1/pets lists them all).");
		}
		return out.toString();
	}

	private static String describe(Pet pet) {
		StringBuilder out = new StringBuilder(pet.name()).append(" (id ").append(pet.id()).append(", ")
			.append(pet.species().name().toLowerCase(Locale.ROOT));
		if (pet.breed() != null && !pet.breed().isBlank()) {
			out.append(", ").append(pet.breed());
		}
		out.append(", ").append(pet.ageMonths()).append(pet.ageMonths() == 1 ? " month" : " months");
		if (pet.size() != null) {
			out.append(", ").append(pet.size().name().toLowerCase(Locale.ROOT));
		}
		if (Boolean.TRUE.equals(pet.goodWithKids())) {
			out.append(", good with kids");
		}
		if (pet.medicalInfo() != null && Boolean.TRUE.equals(pet.medicalInfo().vaccinated())) {
			out.append(", vaccinated");
		}
		BigDecimal price = pet.price();
		out.append("): ").append(price == null ? "price on request" : price.setScale(2).toPlainString() + " " + pet.currency());
		if (pet.status() != io.petstore.catalog.PetStatus.AVAILABLE) {
			out.append(" (").append(pet.status()).append(")");
		}
		return out.append('.').toString();
	}

	static String lastUserTurn(List<Turn> conversation) {
		for (int i = conversation.size() - 1; i >= 0; i--) {
			if (conversation.get(i).role() == Role.USER && conversation.get(i).content() != null) {
				return conversation.get(i).content();
			}
		}
		return "";
	}

	private static Set<Species> earlierSpecies(List<Turn> conversation) {
		boolean last = true;
		for (int i = conversation.size() - 1; i >= 0; i--) {
			Turn turn = conversation.get(i);
			if (turn.role() != Role.USER || turn.content() == null) {
				continue;
			}
			if (last) {
				last = false;
				continue;
			}
			Set<Species> named = CatalogQuestion.speciesIn(turn.content());
			if (!named.isEmpty()) {
				return named;
			}
		}
		return Set.of();
	}

	/** The first {@code max} sentences. */
	static String sentences(String text, int max) {
		if (max == Integer.MAX_VALUE) {
			return text;
		}
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
				if (++count == max) {
					return text.substring(0, i + 1);
				}
			}
		}
		return text;
	}

}
