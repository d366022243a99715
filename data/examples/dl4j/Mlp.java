// Deeplearning4j: MultiLayerNetwork로 만든 두 층짜리 MLP를 5번 학습합니다(CPU, nd4j-native).
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

public class Mlp {
    /** i = 0, 1, …에 대해 (i % m - s) / d를 rows × cols로 늘어놓은 행렬: 모든 예제가 쓰는 고정된 식입니다. */
    static INDArray formula(int rows, int cols, int m, float s, float d) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) values[i] = ((i % m) - s) / d;
        return Nd4j.create(values, new int[] {rows, cols});
    }

    public static void main(String[] args) {
        INDArray x = formula(8, 4, 7, 3f, 3f);
        INDArray y = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1))
            .sub(x.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2)).mul(x.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 3))));

        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
            .updater(new Sgd(0.1))
            .list()
            .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build())
            // DL4J의 MSE는 배치와 출력(여기서는 하나)에 대해 평균을 냅니다
            .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1).activation(Activation.IDENTITY).build())
            .build();
        MultiLayerNetwork model = new MultiLayerNetwork(conf);
        model.init();
        // 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (W는 입력 × 출력)
        model.getLayer(0).setParam("W", formula(4, 8, 5, 2f, 10f));
        model.getLayer(0).setParam("b", Nd4j.valueArrayOf(new long[] {1, 8}, 0.01f));
        model.getLayer(1).setParam("W", formula(8, 1, 3, 1f, 5f));
        model.getLayer(1).setParam("b", Nd4j.zeros(1, 1));

        System.out.println("deeplearning4j 1.0.0-M2.1");
        for (int step = 1; step <= 5; step++) {
            double loss = model.score(new org.nd4j.linalg.dataset.DataSet(x, y));
            model.fit(x, y);
            System.out.printf("step %d loss %.6f%n", step, loss);
        }
    }
}
