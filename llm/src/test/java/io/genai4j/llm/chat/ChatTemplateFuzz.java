package io.genai4j.llm.chat;

import io.genai4j.text.fuzz.FuzzTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fuzz run behind {@link ChatTemplateFuzzTest} (a main, for a child JVM with a small heap).
 * A chat template is a program from a model file; mutants of real templates get runaway loops,
 * recursion, growing strings, wrong types, unknown names and broken syntax spliced in, or are cut
 * short. Each must render, or fail with one IllegalArgumentException ("chat template: ...").
 */
public final class ChatTemplateFuzz {
    /** Hostile pieces of Jinja to splice into a template. */
    static final String[] SNIPPETS = {
            "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
            "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{% set y = k %}{% endfor %}{% endfor %}{% endfor %}",
            "{% set s = 'ab' %}{% for i in range(60) %}{% set s = s + s %}{% endfor %}{{ s }}",
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
            "{{ messages[99]['content'] }}", "{{ messages['x'] }}", "{{ 1 / 0 }}", "{{ 'a' * 1000000000 }}", "{{ none.x.y }}",
            "{{ messages | tojson }}", "{{ messages | tojson(4) }}", "{{ tools | tojson }}", "{{ raise_exception('nope') }}",
            "{{ strftime_now('%Y-%m-%d') }}", "{{ unknown_function(1) }}", "{{ x | unknown_filter }}", "{% if %}", "{% for %}",
            "{% endfor %}", "{{", "}}", "{%", "{# unterminated", "{{ messages[0]['content'][::-1] }}", "{{ range(10**9) | list | length }}",
            "{% set m = {} %}{% for i in range(1000) %}{% do m.update({i: i}) %}{% endfor %}{{ m | length }}",
            "{{ messages[0].content.startswith(1) }}", "{{ (messages | first).role.upper() }}", "{{ '%s' % messages }}",
            "{% include 'other.j2' %}", "{% import 'x' as y %}", "{% extends 'base' %}", "{{ ''.__class__ }}",
            "{% for m in messages recursive %}{{ loop(messages) }}{% endfor %}"
    };

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[1]));
        String[] seeds = {ChatTemplateTest.LLAMA3, ChatTemplateTest.QWEN25, ChatTemplate.CHATML};
        FuzzTally tally = FuzzTally.userErrors();
        for (int i = 0; i < iterations; i++) {
            String seed = seeds[i % seeds.length];
            StringBuilder t = new StringBuilder(seed);
            String how;
            switch (rnd.nextInt(4)) {
                case 0, 1 -> {
                    int at = rnd.nextInt(t.length() + 1);
                    String s = SNIPPETS[rnd.nextInt(SNIPPETS.length)];
                    t.insert(at, s);
                    how = "inserted " + s + " at " + at;
                }
                case 2 -> {
                    int at = rnd.nextInt(t.length()), len = 1 + rnd.nextInt(Math.min(20, t.length() - at));
                    t.delete(at, at + len);
                    how = "deleted " + len + " chars at " + at;
                }
                default -> {
                    int len = rnd.nextInt(t.length());
                    t.setLength(len);
                    how = "cut to " + len + " chars";
                }
            }
            ChatTemplate template = new ChatTemplate(t.toString());
            tally.attempt("iteration " + i + ": " + how, () -> template.render(conversation(), true, "<s>", "</s>", tools()));
        }
        System.out.println(tally.summary());
    }

    private static List<Map<String, Object>> conversation() {
        List<Map<String, Object>> m = new ArrayList<>();
        m.add(ChatTemplate.message("system", "Be brief."));
        m.add(ChatTemplate.message("user", "Hi \u001b[31m there"));
        m.add(ChatTemplate.message("assistant", "Hello."));
        m.add(ChatTemplate.message("user", "Weather?"));
        return ChatTemplate.copy(m);
    }

    private static List<Map<String, Object>> tools() {
        return List.of(new java.util.LinkedHashMap<>(Map.of("type", "function", "function", Map.of("name", "weather", "parameters", Map.of()))));
    }
}
