package io.petstore.classic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code petstore.classic.mode}, with {@code petstore.classic.strict-auth=true} as the older spelling of strict. */
class ClassicModeTest {

	@Test
	void referenceByDefaultStrictByEitherSetting() {
		assertThat(new ClassicMode("reference", false).reference()).isTrue();
		assertThat(new ClassicMode("", false).reference()).isTrue();
		assertThat(new ClassicMode("strict", false).strict()).isTrue();
		assertThat(new ClassicMode(" Strict ", false).strict()).isTrue();
		assertThat(new ClassicMode("reference", true).strict()).isTrue();
	}

	@Test
	void anUnknownModeStopsTheStart() {
		assertThatThrownBy(() -> new ClassicMode("lenient", false)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("petstore.classic.mode");
	}

}
