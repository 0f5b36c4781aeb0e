package io.genai4j.llm.chat;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.tools.GenericToolPrompt;
import io.genai4j.llm.tools.ToolCallFormat;
import io.genai4j.llm.tools.ToolCallParser;
import java.util.List;

/**
 * How one request offers tools to a local model, by its {@code toolChoice}: {@code none} renders
 * no tools and parses no calls; {@code auto} renders them (through the template, or the generic
 * system prompt when the template has no tools) and parses calls; {@code required} and a tool's
 * name also prefill the opening of a call after the prompt (up to the name, or including it), so
 * the model can only go on writing a call: without a grammar that is how a call is forced.
 *
 * @param messages the conversation as the template gets it
 * @param rendered the tools passed to the template (null when it does not render them)
 * @param opening  text prefilled after the prompt ("" unless a call is forced)
 * @param format   the format calls are parsed in (null: no parsing)
 */
record ToolUse(List<ChatMessage> messages, List<ToolSpec> rendered, String opening, ToolCallFormat format) {

    static ToolUse of(ChatRequest request, ToolCallFormat format) {
        String choice = request.toolChoice();
        List<ToolSpec> tools = request.tools();
        if (choice.equals("none") || (tools.isEmpty() && choice.equals("auto"))) return new ToolUse(request.messages(), null, "", null);
        if (tools.isEmpty()) throw new IllegalArgumentException("tool_choice " + Printable.of(choice) + " needs tools, and the request has none");
        String forced = switch (choice) {
            case "auto" -> null;
            case "required" -> "";
            default -> {
                if (tools.stream().noneMatch(t -> t.name().equals(choice))) {
                    throw new IllegalArgumentException("tool_choice names " + Printable.of(choice) + ", which is not among the request's tools");
                }
                yield choice;
            }
        };
        String opening = forced == null ? "" : format.callOpening(forced.isEmpty() ? null : forced);
        if (format == ToolCallFormat.GENERIC) return new ToolUse(GenericToolPrompt.apply(request.messages(), tools), null, opening, format);
        return new ToolUse(request.messages(), tools, opening, format);
    }

    /** A parser for the answer, or null when no calls are parsed. */
    ToolCallParser parser(ChatListener listener, String idPrefix) {
        return format == null ? null : new ToolCallParser(format, listener, idPrefix);
    }
}
