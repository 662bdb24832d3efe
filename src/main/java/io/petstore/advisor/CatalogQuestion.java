package io.petstore.advisor;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.petstore.catalog.PetSize;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.Species;

/**
 * What a question asks of the catalog, read with a few word patterns (no model): the species it
 * names, whether it asks about pets one can have ("available", "adopt", "for sale", "do you have",
 * a price bound, "good with kids"), a price bound ("under 100 USD" is below 100; "up to", "at most"
 * include it; "over", "at least"), a currency, "good with kids/children", sizes, "vaccinated".
 */
record CatalogQuestion(Set<Species> species, boolean asksCatalog, Set<PetStatus> statuses, BigDecimal below,
		boolean belowInclusive, BigDecimal above, boolean aboveInclusive, String currency, Boolean goodWithKids,
		Set<PetSize> sizes, Boolean vaccinated) {

	private static final Map<Species, Pattern> SPECIES = new LinkedHashMap<>();

	static {
		SPECIES.put(Species.DOG, words("dogs?|pupp(?:y|ies)|pups?|canines?|doggy|doggies"));
		SPECIES.put(Species.CAT, words("cats?|kittens?|kitty|kitties|felines?"));
		SPECIES.put(Species.RABBIT, words("rabbits?|bunn(?:y|ies)"));
		SPECIES.put(Species.BIRD, words("birds?|budgies?|budgerigars?|parrots?|cockatiels?|parakeets?|canar(?:y|ies)"));
		SPECIES.put(Species.REPTILE,
				words("reptiles?|lizards?|snakes?|geckos?|bearded dragons?|tortoises?|turtles?|iguanas?|pythons?"));
	}

	private static final Pattern CATALOG = Pattern.compile(
			"\\b(available|adoptable|adopt|for sale|in stock|do you have|have you got|you have|show me|list|price[sd]?|costs?|cheap(?:est|er)?|budget|usd|eur|gbp)\\b|[$€£]",
			Pattern.CASE_INSENSITIVE);

	private static final String AMOUNT = "(?:[$€£]\\s*)?(\\d{1,7}(?:[.,]\\d{1,2})?)\\s*(usd|eur|gbp|dollars?|euros?|pounds?|[$€£])?";

	private static final Pattern BELOW = Pattern.compile(
			"\\b(under|below|less than|cheaper than|at most|up to|max(?:imum)?|no more than|within)\\s+" + AMOUNT,
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BELOW_SIGN = Pattern.compile("(<=?)\\s*" + AMOUNT, Pattern.CASE_INSENSITIVE);

	private static final Pattern ABOVE = Pattern.compile("\\b(over|above|more than|at least|from)\\s+" + AMOUNT,
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CURRENCY = Pattern.compile("\\b(usd|eur|gbp|dollars?|euros?|pounds?)\\b|([$€£])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern KIDS = Pattern.compile(
			"\\b(?:(not\\s+)?good with (?:small\\s+|young\\s+|little\\s+)?(?:kids|children|toddlers|babies|a baby|families|a family)|(kid|child|family)[- ]friendly)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SIZE = Pattern.compile("\\b(small|medium|large|big|tiny)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern VACCINATED = Pattern.compile("\\b(vaccinated|has had (?:its|their) (?:shots|vaccines))\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PENDING = Pattern.compile("\\b(pending|reserved|on hold)\\b", Pattern.CASE_INSENSITIVE);

	private static Pattern words(String alternatives) {
		return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
	}

	/** The species a text names, in the enum's order. */
	static Set<Species> speciesIn(String text) {
		Set<Species> found = EnumSet.noneOf(Species.class);
		SPECIES.forEach((species, pattern) -> {
			if (pattern.matcher(text).find()) {
				found.add(species);
			}
		});
		return found;
	}

	static CatalogQuestion read(String question, Set<Species> species) {
		String q = question.toLowerCase(Locale.ROOT);
		BigDecimal below = null;
		boolean belowInclusive = false;
		String currency = null;
		Matcher m = BELOW.matcher(q);
		if (m.find()) {
			below = amount(m.group(2));
			belowInclusive = !Set.of("under", "below", "less than", "cheaper than").contains(m.group(1));
			currency = currency(m.group(3));
		}
		else if ((m = BELOW_SIGN.matcher(q)).find()) {
			below = amount(m.group(2));
			belowInclusive = m.group(1).equals("<=");
			currency = currency(m.group(3));
		}
		BigDecimal above = null;
		boolean aboveInclusive = false;
		Matcher a = ABOVE.matcher(q);
		while (a.find()) {
			// "from 50 USD" is a bound; "from a shelter" is not (the pattern needs a number)
			above = amount(a.group(2));
			aboveInclusive = Set.of("at least", "from").contains(a.group(1));
			if (currency == null) {
				currency = currency(a.group(3));
			}
			break;
		}
		if (currency == null && (below != null || above != null)) {
			Matcher c = CURRENCY.matcher(q);
			if (c.find()) {
				currency = currency(c.group(1) != null ? c.group(1) : c.group(2));
			}
		}
		Boolean kids = null;
		Matcher k = KIDS.matcher(q);
		if (k.find()) {
			kids = k.group(1) == null;
		}
		Set<PetSize> sizes = EnumSet.noneOf(PetSize.class);
		Matcher s = SIZE.matcher(q);
		while (s.find()) {
			switch (s.group(1)) {
				case "small", "tiny" -> sizes.add(PetSize.SMALL);
				case "medium" -> sizes.add(PetSize.MEDIUM);
				default -> sizes.add(PetSize.LARGE);
			}
		}
		Boolean vaccinated = VACCINATED.matcher(q).find() ? Boolean.TRUE : null;
		boolean asks = CATALOG.matcher(q).find() || below != null || above != null || kids != null;
		Set<PetStatus> statuses = PENDING.matcher(q).find() ? EnumSet.of(PetStatus.AVAILABLE, PetStatus.PENDING)
				: EnumSet.of(PetStatus.AVAILABLE);
		return new CatalogQuestion(species, asks, statuses, below, belowInclusive, above, aboveInclusive, currency, kids,
				sizes, vaccinated);
	}

	boolean priceMatches(BigDecimal price, String petCurrency) {
		if (currency != null && (below != null || above != null) && !currency.equalsIgnoreCase(petCurrency)) {
			return false;
		}
		if (below != null) {
			int c = price.compareTo(below);
			if (c > 0 || (c == 0 && !belowInclusive)) {
				return false;
			}
		}
		if (above != null) {
			int c = price.compareTo(above);
			if (c < 0 || (c == 0 && !aboveInclusive)) {
				return false;
			}
		}
		return true;
	}

	private static BigDecimal amount(String digits) {
		return new BigDecimal(digits.replace(',', '.'));
	}

	private static String currency(String word) {
		if (word == null) {
			return null;
		}
		String w = word.toLowerCase(Locale.ROOT);
		if (w.startsWith("usd") || w.startsWith("dollar") || w.equals("$")) {
			return "USD";
		}
		if (w.startsWith("eur") || w.equals("€")) {
			return "EUR";
		}
		if (w.startsWith("gbp") || w.startsWith("pound") || w.equals("£")) {
			return "GBP";
		}
		return null;
	}

	/** How the answer describes the selection: "available cats, good with kids, under 100.00 USD". */
	String describe() {
		StringBuilder out = new StringBuilder();
		out.append(statuses.size() == 1 ? "available " : "available or pending ");
		if (!sizes.isEmpty()) {
			out.append(String.join("/", sizes.stream().map(size -> size.name().toLowerCase(Locale.ROOT)).toList())).append(' ');
		}
		if (species.isEmpty()) {
			out.append("pets");
		}
		else {
			out.append(String.join(" and ", species.stream().map(CatalogQuestion::plural).toList()));
		}
		if (Boolean.TRUE.equals(goodWithKids)) {
			out.append(", good with kids");
		}
		else if (Boolean.FALSE.equals(goodWithKids)) {
			out.append(", not marked good with kids");
		}
		if (Boolean.TRUE.equals(vaccinated)) {
			out.append(", vaccinated");
		}
		String unit = currency == null ? "" : " " + currency;
		if (above != null) {
			out.append(aboveInclusive ? ", from " : ", over ").append(above.setScale(2)).append(unit);
		}
		if (below != null) {
			out.append(belowInclusive ? ", up to " : ", under ").append(below.setScale(2)).append(unit);
		}
		return out.toString();
	}

	static String plural(Species species) {
		return switch (species) {
			case DOG -> "dogs";
			case CAT -> "cats";
			case RABBIT -> "rabbits";
			case BIRD -> "birds";
			case REPTILE -> "reptiles";
			case OTHER -> "other pets";
		};
	}

}
