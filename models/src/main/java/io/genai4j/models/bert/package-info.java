/**
 * The BERT lesson's model: BERT's embeddings, post-LN encoder layers and self-attention as modules,
 * loaded from Hugging Face checkpoints or from the initializers of an ONNX export, and
 * {@link io.genai4j.models.bert.BertEncoder}: tokenizer + frozen encoder + pooling, the sentence
 * embeddings of sentence-transformers. Also the bundled pretrained encoders and SST-2 data. Outputs are
 * checked against ONNX Runtime on the same weights.
 */
package io.genai4j.models.bert;
