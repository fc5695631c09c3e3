package io.github.cognitosso.autoconfigure.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalTokenFormTests {

	@ParameterizedTest
	@ValueSource(strings = { "e30.e30.", "eyJhbGciOiJub25lIn0.e30.", "AA.AAA.AAAA", "QQ.QUE.QUFB", "-_w.A-_A.wA",
			"e30.e30.abcd.efgh.ijkl", "" })
	void canonicalSpellingsPass(String token) {
		assertThat(CanonicalTokenForm.isCanonical(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "e30=.e30.", "e30.e30.QQ==", "e30.e30.Q", "e30.e30.QR", "e30.e30.QUF", "e30.e3+.QQ",
			"e30.e3/.QQ", "e30.e~30.QQ", "e30.e 30.QQ", "e30.e30.Q\u00e9", "e30.e30.\u00c1A", "e30.\u0141A.QQ",
			"e30.e30.QQ\u0000", "e30.e30.QQ\u007f" })
	void otherSpellingsAreRefused(String token) {
		assertThat(CanonicalTokenForm.isCanonical(token)).isFalse();
	}

}
