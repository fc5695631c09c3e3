package io.github.cognitosso.sample;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the pages word token times and claim values.
 */
class PagesTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));

	@Test
	void expiryWithinTwoHoursIsInMinutes() {
		assertThat(Pages.expiresIn(NOW.plus(Duration.ofMinutes(58).plusSeconds(30)), this.clock))
			.isEqualTo("expires in 58 min");
	}

	@Test
	void expiryUnderAMinuteIsInSeconds() {
		assertThat(Pages.expiresIn(NOW.plusSeconds(42), this.clock)).isEqualTo("expires in 42 s");
	}

	@Test
	void expiryInHoursHasHoursAndMinutes() {
		assertThat(Pages.expiresIn(NOW.plus(Duration.ofHours(5).plusMinutes(7)), this.clock))
			.isEqualTo("expires in 5 h 7 min");
	}

	@Test
	void pastExpiryIsAnExpiredToken() {
		assertThat(Pages.expiresIn(NOW.minus(Duration.ofMinutes(3)), this.clock)).isEqualTo("expired 3 min ago");
		assertThat(Pages.expiresIn(NOW, this.clock)).isEqualTo("expired 0 s ago");
	}

	@Test
	void datesAreInTheClocksZone() {
		assertThat(Pages.dateTime(NOW, this.clock)).isEqualTo("2025-06-01 14:00:00 CEST");
	}

	@Test
	void epochClaimsOfEveryShapeAreShownWithTheirDate() {
		String table = Pages.claimsTable("claims",
				Map.of("exp", NOW, "iat", Date.from(NOW), "auth_time", NOW.getEpochSecond(), "version", 2), this.clock);

		String withDate = NOW.getEpochSecond() + " <span class=\"date\">(2025-06-01 14:00:00 CEST)</span>";
		assertThat(table).contains("<th>exp</th><td>" + withDate)
			.contains("<th>iat</th><td>" + withDate)
			.contains("<th>auth_time</th><td>" + withDate)
			.contains("<th>version</th><td>2</td>");
	}

	@Test
	void claimValuesAndNamesAreEscaped() {
		String table = Pages.claimsTable("claims",
				Map.of("custom:<b>", "<script>alert(1)</script>", "cognito:groups", List.of("a&b", "<c>")), this.clock);

		assertThat(table).doesNotContain("<script>")
			.doesNotContain("<b>")
			.contains("<th>custom:&lt;b&gt;</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
			.contains("<td>a&amp;b, &lt;c&gt;</td>");
	}

}
