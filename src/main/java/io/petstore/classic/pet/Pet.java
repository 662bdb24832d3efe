package io.petstore.classic.pet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A classic pet. JSON keys come out in declaration order ({@code id, category, name, photoUrls,
 * tags, status}), XML elements alphabetically; {@code photoUrls} and {@code tags} are always
 * written, {@code []} when empty. An {@code id} that is missing, 0 or negative means "assign a new
 * id". The status is any string, stored as sent (the reference does so; strict mode refuses values
 * outside {@link PetStatus}). (A class rather than a record: Jackson's XML module cannot rename the items of a wrapped
 * list that is a record component.)
 */
@JacksonXmlRootElement(localName = "Pet")
public final class Pet {

	@JsonProperty
	private Long id;

	@JsonProperty
	private Category category;

	@JsonProperty
	private String name;

	@JsonProperty
	@JacksonXmlElementWrapper(localName = "photoUrls")
	@JacksonXmlProperty(localName = "photoUrl")
	private List<String> photoUrls;

	@JsonProperty
	@JacksonXmlElementWrapper(localName = "tags")
	@JacksonXmlProperty(localName = "tag")
	private List<Tag> tags;

	/** Any string, as the reference stores it; strict mode checks it against {@link PetStatus}. */
	@JsonProperty
	private String status;

	@JsonCreator
	private Pet() {
	}

	public Pet(Long id, Category category, String name, List<String> photoUrls, List<Tag> tags, String status) {
		this.id = id;
		this.category = category;
		this.name = name;
		this.photoUrls = photoUrls;
		this.tags = tags;
		this.status = status;
	}

	@JsonProperty
	public Long id() {
		return id;
	}

	@JsonProperty
	public Category category() {
		return category;
	}

	@JsonProperty
	public String name() {
		return name;
	}

	@JsonProperty
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public List<String> photoUrls() {
		return photoUrls == null ? List.of() : photoUrls.stream().filter(u -> u != null).toList();
	}

	@JsonProperty
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public List<Tag> tags() {
		return tags == null ? List.of() : tags.stream().filter(t -> t != null).toList();
	}

	@JsonProperty
	public String status() {
		return status;
	}

	/** photoUrls as read: null when the request had none (strict mode requires them). */
	List<String> rawPhotoUrls() {
		return photoUrls;
	}

	boolean hasId() {
		return id != null && id > 0;
	}

	Pet withId(long newId) {
		return new Pet(newId, category, name, photoUrls, tags, status);
	}

}
