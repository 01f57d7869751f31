package app.confio.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files as a cluster would read them: every Kubernetes manifest against the API's
 * schema (strict: a misspelt field or a wrong type is an error), the kustomization naming every
 * manifest, the members' discovery and probes pointing where the product answers, and
 * docker-compose.yml against the compose specification's schema.
 */
class ManifestsTest {

  static final Path KUBERNETES = Path.of("deploy", "kubernetes");
  static final Path COMPOSE = Path.of("docker-compose.yml");
  static final Path COMPOSE_SCHEMA = Path.of("target", "compose-schema", "compose.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  /** The image's fish.payara.shutdowngrace: serving on with readiness DOWN after SIGTERM. */
  static final int SHUTDOWN_GRACE_SECONDS = 10;

  final KubernetesSchemas schemas = new KubernetesSchemas();

  @Test
  void everyManifestIsValidForTheKubernetesApi() {
    var problems = new ArrayList<String>();
    for (var file : manifests()) {
      for (var document : documents(file)) {
        problems.addAll(problems(file.getFileName() + " ", document));
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void aMisspeltFieldAndAWrongTypeAreRefused() {
    var statefulSet = (ObjectNode) documents(KUBERNETES.resolve("statefulset.yaml")).get(0);
    var spec = (ObjectNode) statefulSet.get("spec");
    spec.put("replicas", "two");
    var pod = (ObjectNode) spec.get("template").get("spec");
    pod.set("terminationGracePeriodSecond", pod.remove("terminationGracePeriodSeconds"));

    var problems = String.join("\n", problems("", statefulSet));
    assertTrue(
        problems.contains("replicas") && problems.contains("terminationGracePeriodSecond"),
        problems);
  }

  @Test
  void theKustomizationAppliesEveryManifest() {
    var kustomization = documents(KUBERNETES.resolve("kustomization.yaml")).get(0);
    var listed = new TreeSet<String>();
    kustomization.get("resources").forEach(resource -> listed.add(resource.asText()));
    var present =
        manifests().stream()
            .map(file -> file.getFileName().toString())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(present, listed);
  }

  /**
   * The members find each other through the headless service's DNS name, including members not yet
   * ready; they stop within the pod's grace period; the probes ask the product's health endpoints.
   */
  @Test
  void theMembersFindEachOtherAndAreProbedWhereTheProductAnswers() {
    var grid = documents(KUBERNETES.resolve("service-grid.yaml")).get(0);
    var pod = documents(KUBERNETES.resolve("statefulset.yaml")).get(0).at("/spec/template/spec");
    var container = pod.at("/containers/0");
    var args = new ArrayList<String>();
    container.get("args").forEach(arg -> args.add(arg.asText()));
    var gridPort = grid.at("/spec/ports/0/port").asInt();

    assertEquals("None", grid.at("/spec/clusterIP").asText());
    assertTrue(grid.at("/spec/publishNotReadyAddresses").asBoolean());
    assertEquals(
        "dns:" + grid.at("/metadata/name").asText() + ":" + gridPort,
        args.get(args.indexOf("--clustermode") + 1));
    assertEquals(6900, gridPort);
    assertTrue(pod.get("terminationGracePeriodSeconds").asInt() > SHUTDOWN_GRACE_SECONDS);
    assertEquals(
        List.of("/health/started", "/health/ready", "/health/live"),
        List.of(
            container.at("/startupProbe/httpGet/path").asText(),
            container.at("/readinessProbe/httpGet/path").asText(),
            container.at("/livenessProbe/httpGet/path").asText()));
  }

  /**
   * Compose's schema comes from the npm registry (the build fetches it where npm is on the PATH, as
   * on CI, and then requires it: {@code confio.compose.schema.required}).
   */
  @Test
  void theComposeFileIsValidForTheComposeSpecification() throws IOException {
    var required = Boolean.getBoolean("confio.compose.schema.required");
    assumeTrue(required || Files.exists(COMPOSE_SCHEMA), "no compose schema: npm not on the PATH");
    var schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(
                com.networknt.schema.SchemaLocation.of(
                    COMPOSE_SCHEMA.toAbsolutePath().toUri().toString()));
    var messages =
        schema.validate(documents(COMPOSE).get(0)).stream()
            .map(ValidationMessage::getMessage)
            .toList();
    assertEquals(List.of(), messages);
  }

  private List<String> problems(String where, JsonNode document) {
    var apiVersion = document.path("apiVersion").asText();
    var kind = document.path("kind").asText();
    var schema = schemas.of(apiVersion, kind);
    if (schema.isEmpty()) {
      return List.of(where + "no schema for " + apiVersion + " " + kind);
    }
    Set<ValidationMessage> messages = schema.get().validate(document);
    return messages.stream().map(message -> where + kind + ": " + message.getMessage()).toList();
  }

  static List<Path> manifests() {
    try (var files = Files.list(KUBERNETES)) {
      return files
          .filter(file -> file.toString().endsWith(".yaml"))
          .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML documents of {@code file}, anchors and merge keys resolved, as JSON. */
  static List<JsonNode> documents(Path file) {
    try (var reader = Files.newBufferedReader(file)) {
      var documents = new ArrayList<JsonNode>();
      for (var document : new Yaml().loadAll(reader)) {
        documents.add(JSON.valueToTree(document));
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
