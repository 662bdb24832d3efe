package io.petstore.advisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import io.petstore.catalog.Species;

/**
 * The pet-care knowledge base shipped in the jar ({@code advisor/kb/*.md}: one file per species,
 * one passage per {@code ## topic: Title} section), indexed at start in memory (Lucene
 * {@link ByteBuffersDirectory}, English analyzer, BM25, Lucene's default similarity). A search
 * matches the question's words against each passage's title and text; passages of the species the
 * question names are boosted, those of another species are kept out.
 */
@Component
class KnowledgeBase {

	/** One passage of the knowledge base. */
	record Passage(String id, Species species, String topic, String title, String text) {
	}

	private final List<Passage> passages;

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final DirectoryReader reader;

	KnowledgeBase() {
		this.passages = load();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (Passage p : passages) {
				Document doc = new Document();
				doc.add(new StringField("id", p.id(), Field.Store.YES));
				doc.add(new StringField("species", p.species().name(), Field.Store.NO));
				doc.add(new StringField("topic", p.topic(), Field.Store.NO));
				doc.add(new TextField("title", p.title(), Field.Store.NO));
				doc.add(new TextField("text", p.text(), Field.Store.NO));
				doc.add(new StoredField("index", passages.indexOf(p)));
				writer.addDocument(doc);
			}
			writer.commit();
			this.reader = DirectoryReader.open(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot index the advisor's knowledge base", ex);
		}
	}

	List<Passage> passages() {
		return passages;
	}

	/**
	 * The best passages for the question, best first (ties by their order in the knowledge base),
	 * none when no word of the question matches.
	 * @param species the species the question is about (empty: any)
	 */
	List<Passage> search(String question, Set<Species> species, int limit) {
		String words = question.replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
		if (words.isEmpty() || limit <= 0) {
			return List.of();
		}
		try {
			QueryParser titleParser = new QueryParser("title", analyzer);
			QueryParser textParser = new QueryParser("text", analyzer);
			titleParser.setDefaultOperator(QueryParser.Operator.OR);
			textParser.setDefaultOperator(QueryParser.Operator.OR);
			String escaped = QueryParser.escape(words.toLowerCase(Locale.ROOT));
			BooleanQuery.Builder match = new BooleanQuery.Builder();
			match.add(new BoostQuery(titleParser.parse(escaped), 2f), BooleanClause.Occur.SHOULD);
			match.add(textParser.parse(escaped), BooleanClause.Occur.SHOULD);
			BooleanQuery.Builder query = new BooleanQuery.Builder().add(match.build(), BooleanClause.Occur.MUST);
			if (!species.isEmpty()) {
				BooleanQuery.Builder ofSpecies = new BooleanQuery.Builder();
				species.forEach(s -> ofSpecies.add(new TermQuery(new Term("species", s.name())), BooleanClause.Occur.SHOULD));
				query.add(ofSpecies.build(), BooleanClause.Occur.FILTER);
			}
			Query built = query.build();
			IndexSearcher searcher = new IndexSearcher(reader);
			ScoreDoc[] hits = searcher.search(built, Math.max(limit * 4, 16)).scoreDocs;
			List<ScoreDoc> sorted = new ArrayList<>(Arrays.asList(hits));
			sorted.sort(Comparator.<ScoreDoc>comparingDouble(hit -> -hit.score).thenComparingInt(hit -> hit.doc));
			List<Passage> found = new ArrayList<>();
			for (ScoreDoc hit : sorted) {
				if (found.size() == limit) {
					break;
				}
				int index = searcher.storedFields().document(hit.doc).getField("index").numericValue().intValue();
				found.add(passages.get(index));
			}
			return found;
		}
		catch (ParseException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Passage> load() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:advisor/kb/*.md");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<Passage> all = new ArrayList<>();
			for (Resource file : files) {
				String text = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				parse(text, all);
			}
			if (all.isEmpty()) {
				throw new IllegalStateException("the advisor's knowledge base (classpath advisor/kb/*.md) is empty");
			}
			return List.copyOf(all);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code # SPECIES}, then {@code ## topic: Title} sections whose paragraphs are the passage. */
	static void parse(String markdown, List<Passage> into) {
		Species species = null;
		String topic = null;
		String title = null;
		StringBuilder body = new StringBuilder();
		for (String line : (markdown + "\n## end: end").split("\n")) {
			if (line.startsWith("## ")) {
				if (title != null && species != null) {
					String prefix = species.name().toLowerCase(Locale.ROOT) + "-";
					String id = prefix + topic + "-" + (into.stream().filter(p -> p.id().startsWith(prefix)).count() + 1);
					into.add(new Passage(id, species, topic, title, body.toString().strip().replaceAll("\\s+", " ")));
				}
				String heading = line.substring(3).strip();
				int colon = heading.indexOf(':');
				topic = colon < 0 ? "general" : heading.substring(0, colon).strip();
				title = colon < 0 ? heading : heading.substring(colon + 1).strip();
				body.setLength(0);
			}
			else if (line.startsWith("# ")) {
				species = Species.valueOf(line.substring(2).strip());
			}
			else {
				body.append(line).append('\n');
			}
		}
	}

}
