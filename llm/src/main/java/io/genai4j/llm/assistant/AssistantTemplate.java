package io.genai4j.llm.assistant;

/**
 * The tiny assistant's chat template: ChatML turns, tools in the Hermes / Qwen 2.5 style (a call
 * is {@code <tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>}, a result comes back in
 * a {@code tool} turn inside {@code <tool_response>}). Its system turn lists only the tools'
 * names, not their schemas: a model with a 256-token context has no room for schemas, and it
 * learned the arguments of its three tools in training.
 */
public final class AssistantTemplate {
    private AssistantTemplate() {}

    public static final String SOURCE = """
            {%- if tools %}
            {{- '<|im_start|>system\\nTools: ' }}{% for t in tools %}{{ t['function']['name'] }}{% if not loop.last %}{{ ', ' }}{% endif %}{% endfor %}{{ '. Call one as <tool_call>{"name": ..., "arguments": ...}</tool_call>.<|im_end|>\\n' }}
            {%- endif %}
            {%- for message in messages %}
            {%- if message['role'] == 'assistant' and message['tool_calls'] %}
            {{- '<|im_start|>assistant\\n' }}{% for call in message['tool_calls'] %}{% if not loop.first %}{{ '\\n' }}{% endif %}{{ '<tool_call>\\n{"name": "' + call['function']['name'] + '", "arguments": ' }}{{ call['function']['arguments'] | tojson }}{{ '}\\n</tool_call>' }}{% endfor %}{{ '<|im_end|>\\n' }}
            {%- elif message['role'] == 'tool' %}
            {{- '<|im_start|>tool\\n<tool_response>\\n' + message['content'] + '\\n</tool_response><|im_end|>\\n' }}
            {%- else %}
            {{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}
            {%- endif %}
            {%- endfor %}
            {%- if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}""";
}
