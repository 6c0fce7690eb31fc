package dev.parity.generate.docs;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads the tables of a Markdown document with GitHub's table and strikethrough rules: rows of
 * cells of the text a reader sees (so {@code ~~x~~} reads as {@code x}).
 */
final class MarkdownTables {

  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build();

  private MarkdownTables() {
  }

  /** Every table, as its rows (header first), as the text of each cell. */
  static List<List<List<String>>> parse(String markdown) {
    List<List<List<String>>> tables = new ArrayList<>();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(CustomBlock block) {
        if (block instanceof TableBlock) {
          tables.add(rows(block));
        } else {
          visitChildren(block);
        }
      }
    });
    return tables;
  }

  private static List<List<String>> rows(Node table) {
    List<List<String>> rows = new ArrayList<>();
    table.accept(new AbstractVisitor() {
      @Override
      public void visit(CustomNode node) {
        if (node instanceof TableRow) {
          List<String> cells = new ArrayList<>();
          for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add(text((TableCell) cell));
          }
          rows.add(cells);
        } else {
          visitChildren(node);
        }
      }
    });
    return rows;
  }

  /** The text a reader sees in a cell; {@code <br>} is a line break. */
  static String text(Node cell) {
    StringBuilder s = new StringBuilder();
    cell.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        s.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        s.append(code.getLiteral());
      }

      @Override
      public void visit(HtmlInline html) {
        if (!html.getLiteral().equals("<br>")) {
          throw new AssertionError("raw HTML in a cell: " + html.getLiteral());
        }
        s.append('\n');
      }
    });
    return s.toString();
  }
}
