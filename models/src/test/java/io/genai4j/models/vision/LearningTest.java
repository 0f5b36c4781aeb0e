package io.genai4j.models.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.TrainListener;
import io.genai4j.text.SharedData;
import org.junit.jupiter.api.Test;

/** The CNN really learns digits: 500 training images, a few seconds, well above chance. */
class LearningTest {

    @Test
    void leNetReachesEightyPercentOnFiveHundredImages() throws Exception {
        Mnist.Split split = Mnist.split(Mnist.load(SharedData.require("images/mnist/" + Mnist.IMAGES).getParent()));
        VisionModel cnn = VisionModel.create(VisionConfig.cnn(), new Rng(1));
        VisionTrainer.Settings s = new VisionTrainer.Settings(32, 2e-3, 0.01, 150, 0, 150, Augmentation.NONE, 1);
        VisionTrainer.Result r = VisionTrainer.train(cnn, split.train().range(0, 500), split.val(), s, TrainListener.NONE);
        double test = VisionEvaluation.accuracy(cnn, split.test());
        assertTrue(test > 0.8, "test accuracy " + test + " after " + r.steps() + " steps");
    }
}
