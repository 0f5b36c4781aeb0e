package io.genai4j.rag.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * HTML through jsoup: headings h1–h6 set the trail; paragraphs, list items, preformatted text,
 * quotes, table cells and definitions are blocks (the outermost one when they nest). Scripts,
 * styles and navigation are dropped. The title is {@code <title>}, else the first h1, else the
 * file name. A page with text but none of these elements becomes one block of its body text.
 */
public final class HtmlLoader implements Loader {
    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,pre,blockquote,td,th,dt,dd";
    private static final Set<String> CONTAINERS = Set.of("p", "li", "pre", "blockquote", "td", "th", "dt", "dd");

    @Override
    public Document load(String source, byte[] bytes) throws IOException {
        org.jsoup.nodes.Document html = Jsoup.parse(TextLoader.utf8(source, bytes), "");
        html.select("script,style,noscript,nav,template").remove();
        HeadingTrail trail = new HeadingTrail();
        String title = html.title().strip();
        List<Block> blocks = new ArrayList<>();
        for (Element e : html.body().select(BLOCKS)) {
            if (insideContainer(e)) continue;
            String text = e.text().strip();
            String tag = e.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                trail.enter(tag.charAt(1) - '0', text);
                if (title.isEmpty() && tag.equals("h1")) title = text;
            } else if (!text.isEmpty()) {
                blocks.add(new Block(trail.toString(), tag.equals("pre") ? e.wholeText().strip() : text));
            }
        }
        if (blocks.isEmpty() && !html.body().text().isBlank()) blocks.add(new Block("", html.body().text().strip()));
        return new Document(source, title.isEmpty() ? Loader.baseName(source) : title, blocks);
    }

    private static boolean insideContainer(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (CONTAINERS.contains(p.normalName())) return true;
        return false;
    }
}
