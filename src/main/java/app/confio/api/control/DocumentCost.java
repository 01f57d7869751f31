package app.confio.api.control;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one operation of a parsed document asks for: its root fields, the deepest nesting and the
 * number of fields in all, with fragments expanded where they are spread. Each fragment is measured
 * once, so a fragment spread a thousand times, or fragments that spread each other, cost a lookup,
 * not an expansion; a fragment that spreads itself counts as empty (validation refuses it later).
 */
public final class DocumentCost {

  record Cost(long rootFields, long depth, long fields) {}

  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Cost> measured = new HashMap<>();
  private final Set<String> measuring = new HashSet<>();

  DocumentCost(Document document) {
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.putIfAbsent(f.getName(), f));
  }

  Cost of(SelectionSet set) {
    long roots = 0;
    long depth = 0;
    long fields = 0;
    if (set == null) {
      return new Cost(0, 0, 0);
    }
    for (Selection<?> selection : set.getSelections()) {
      Cost inner = costOf(selection);
      roots = plus(roots, inner.rootFields());
      depth = Math.max(depth, inner.depth());
      fields = plus(fields, inner.fields());
    }
    return new Cost(roots, depth, fields);
  }

  private Cost costOf(Selection<?> selection) {
    if (selection instanceof Field field) {
      var below = of(field.getSelectionSet());
      return new Cost(1, below.depth() + 1, plus(below.fields(), 1));
    }
    if (selection instanceof InlineFragment inline) {
      return of(inline.getSelectionSet());
    }
    if (selection instanceof FragmentSpread spread) {
      return fragment(spread.getName());
    }
    return new Cost(0, 0, 0);
  }

  private Cost fragment(String name) {
    var known = measured.get(name);
    if (known != null) {
      return known;
    }
    var definition = fragments.get(name);
    if (definition == null || !measuring.add(name)) {
      return new Cost(0, 0, 0);
    }
    var cost = of(definition.getSelectionSet());
    measuring.remove(name);
    measured.put(name, cost);
    return cost;
  }

  /** Addition that stops at the largest long: fragments that double at every level overflow. */
  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
