/** {@code genai prompt sst2|arithmetic}: the prompting lesson's two measured projects. */
package io.genai4j.cli.prompt;
