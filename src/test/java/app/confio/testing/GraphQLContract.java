package app.confio.testing;

import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The mobile app's API: the GraphQL schema {@code /graphql/schema.graphql} serves, against {@code
 * docs/contracts/schema.graphql}. Both are compared as graphql-java prints them (types, fields and
 * arguments sorted), and a difference is classified as graphql-java's schema diff sees it: breaking
 * (a type, field, argument or enum value removed, a type changed, an argument made required — an
 * app already installed may fail), dangerous (an enum value or a default added) or additive.
 */
public final class GraphQLContract {

  public static final String FILE = "docs/contracts/schema.graphql";

  private GraphQLContract() {}

  public static void assertServedBy(URL base, String test) {
    var contract = new Contract("GraphQL schema of the mobile app's API", FILE, test);
    var response = Http.anonymous(base).get("graphql/schema.graphql");
    if (response.statusCode() != 200) {
      throw new AssertionError("schema.graphql answered " + response.statusCode());
    }
    var served = response.body();
    var checkedIn = contract.checkedIn();
    contract.assertUnchanged(
        served,
        checkedIn.isBlank()
            ? List.of("nothing is checked in yet")
            : differences(checkedIn, served));
  }

  /** Nothing when both print alike; otherwise each change, breaking ones first. */
  static List<String> differences(String checkedIn, String served) {
    if (canonical(checkedIn).equals(canonical(served))) {
      return List.of();
    }
    var reporter = new CapturingReporter();
    new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(checkedIn, served), reporter);
    var found = new ArrayList<String>();
    reporter.getBreakages().forEach(e -> found.add("BREAKING: " + describe(e)));
    reporter.getDangers().forEach(e -> found.add("dangerous: " + describe(e)));
    reporter.getInfos().stream()
        .filter(e -> e.getCategory() != null) // the others trace the diff's walk
        .forEach(e -> found.add("additive: " + describe(e)));
    if (found.isEmpty()) {
      found.add("the schemas differ in text only (descriptions, or types no operation reaches)");
    }
    return found;
  }

  static String canonical(String sdl) {
    var schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    return new SchemaPrinter().print(schema);
  }

  private static String describe(DiffEvent event) {
    var where =
        event.getFieldName() == null
            ? event.getTypeName()
            : event.getTypeName() + "." + event.getFieldName();
    return where + " — " + event.getReasonMsg();
  }
}
