/**
 * Neural-network modules in PyTorch's shapes and parameter layouts: {@link io.genai4j.engine.nn.Module}
 * (named parameters, buffers and children, so checkpoint names fall out of the module tree),
 * {@code Linear} (with {@code LoraLinear}, a low-rank adapter wrapped around a frozen one), {@code Embedding}, the norms, multi-head attention, positional encoding, recurrent
 * layers and cells, dropout, {@code Sequential}. A module composes ops; it holds no kernel, thread
 * or dtype code of its own. Modules are the training and reference path of every model.
 */
package io.genai4j.engine.nn;
