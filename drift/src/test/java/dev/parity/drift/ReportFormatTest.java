package dev.parity.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.drift.schema.Jdbc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  static final DriftReport REPORT = new DriftReport("schema", "staging", "production", List.of(
      new Finding(Category.SCHEMA, Change.ONLY_IN_TO, "table users", "column phone exists only in --to", null, null),
      new Finding(Category.SCHEMA, Change.CHANGED, "table users",
          "column name: type character varying(255) vs character varying(100)", "character varying(255)",
          "character varying(100)"),
      new Finding(Category.SCHEMA, Change.ONLY_IN_FROM, "view big_orders", "view big_orders exists only in --from",
          null, null)));

  @Test
  void text_groups_by_object() {
    assertThat(ReportFormat.TEXT.render(REPORT)).isEqualTo("""
        Schema drift: staging (from) vs production (to)
        3 differences in 2 objects:
        table users
          column phone exists only in --to
          column name: type character varying(255) vs character varying(100)
        view big_orders
          view big_orders exists only in --from
        """);
  }

  @Test
  void markdown_is_a_table_with_escaped_cells() {
    assertThat(ReportFormat.MARKDOWN.render(REPORT)).isEqualTo("""
        ### Parity drift: schema

        from `staging` to `production`

        :x: **3 differences in 2 objects**

        | object | difference | from | to |
        |---|---|---|---|
        | table users | column phone exists only in --to |  |  |
        | table users | column name: type character varying(255) vs character varying(100) | `character varying(255)` | `character varying(100)` |
        | view big\\_orders | view big\\_orders exists only in --from |  |  |
        """);
  }

  @Test
  void json_has_the_documented_shape() {
    String json = ReportFormat.JSON.render(REPORT);
    assertThat(json).startsWith("{\n  \"version\" : 1,\n  \"kind\" : \"schema\",\n  \"from\" : \"staging\",\n"
        + "  \"to\" : \"production\",\n  \"drift\" : true,\n  \"count\" : 3,\n  \"findings\" : [ {\n"
        + "    \"category\" : \"schema\",\n    \"change\" : \"only_in_to\",\n    \"object\" : \"table users\",\n");
  }

  @Test
  void no_drift_says_so() {
    DriftReport clean = new DriftReport("schema", "a", "b", List.of());
    assertThat(ReportFormat.TEXT.render(clean)).isEqualTo("Schema drift: a (from) vs b (to)\nNo drift.\n");
    assertThat(ReportFormat.MARKDOWN.render(clean)).endsWith(":white_check_mark: No drift.\n");
    assertThat(ReportFormat.JSON.render(clean)).contains("\"drift\" : false", "\"findings\" : [ ]");
  }

  @Test
  void passwords_in_jdbc_urls_are_masked() {
    assertThat(Jdbc.mask("jdbc:postgresql://db:5432/shop?user=shop&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=shop&password=***&ssl=true");
    assertThat(Jdbc.mask("jdbc:mariadb://shop:s3cret@db:3306/shop")).isEqualTo("jdbc:mariadb://shop:***@db:3306/shop");
    assertThat(Jdbc.mask("jdbc:postgresql://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
  }
}
