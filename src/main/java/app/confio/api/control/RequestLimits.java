package app.confio.api.control;

import app.confio.money.entity.InvalidAmountException;
import app.confio.money.entity.PlainDecimal;
import graphql.language.Document;
import graphql.language.FloatValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What one GraphQL request may cost, checked on its document before anything runs: parser tokens,
 * depth, fields in all, and root fields of a mutation (each root field of a mutation is a
 * transaction of its own, so a thousand aliases are a thousand transactions). Numbers in the
 * document are held to {@link PlainDecimal}, read from the text itself, since the parsed value no
 * longer says whether it was written {@code 0.25} or {@code 2.5e-1}. A document that does not parse
 * for other reasons is left to GraphQL, which answers with the syntax error.
 */
@ApplicationScoped
public class RequestLimits {

  @Inject
  @ConfigProperty(name = "confio.graphql.max-tokens", defaultValue = "5000")
  int maxTokens;

  @Inject
  @ConfigProperty(name = "confio.graphql.max-depth", defaultValue = "15")
  int maxDepth;

  @Inject
  @ConfigProperty(name = "confio.graphql.max-fields", defaultValue = "500")
  int maxFields;

  @Inject
  @ConfigProperty(name = "confio.graphql.max-mutations", defaultValue = "5")
  int maxMutations;

  public void check(String query, String operationName) {
    if (query == null) {
      return;
    }
    Document document;
    try {
      document = Parser.parse(environment(query));
    } catch (ParseCancelledException e) {
      throw RequestRefusal.tooComplex("The query has more than " + maxTokens + " tokens");
    } catch (InvalidSyntaxException e) {
      return;
    }
    refuseExponents(query, document);
    var operation = operation(document, operationName);
    if (operation != null) {
      refuseCost(operation, new DocumentCost(document).of(operation.getSelectionSet()));
    }
  }

  private ParserEnvironment environment(String query) {
    var options = ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(maxTokens));
    return ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build();
  }

  private void refuseCost(OperationDefinition operation, DocumentCost.Cost cost) {
    if (operation.getOperation() == OperationDefinition.Operation.MUTATION
        && cost.rootFields() > maxMutations) {
      throw new RequestRefusal(
          "TOO_MANY_MUTATIONS", "A request may run at most " + maxMutations + " mutations");
    }
    if (cost.depth() > maxDepth) {
      throw RequestRefusal.tooComplex("The query nests deeper than " + maxDepth + " levels");
    }
    if (cost.fields() > maxFields) {
      throw RequestRefusal.tooComplex("The query asks for more than " + maxFields + " fields");
    }
  }

  private static OperationDefinition operation(Document document, String name) {
    var operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (name == null || name.isEmpty()) {
      return operations.size() == 1 ? operations.get(0) : null;
    }
    return operations.stream().filter(o -> name.equals(o.getName())).findFirst().orElse(null);
  }

  private static void refuseExponents(String query, Document document) {
    var lines = query.split("\n", -1);
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              public TraversalControl visitFloatValue(
                  FloatValue node, TraverserContext<Node> context) {
                if (!PlainDecimal.isPlain(Numbers.lexemeAt(lines, node.getSourceLocation()))) {
                  throw new InvalidAmountException(PlainDecimal.refusal());
                }
                return TraversalControl.CONTINUE;
              }
            },
            document);
  }
}
