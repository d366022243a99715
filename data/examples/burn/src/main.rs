//! Burn: Module로 만든 두 층짜리 MLP를 ndarray(CPU) 백엔드와 자동 미분으로 5번 학습합니다.
use burn::backend::{Autodiff, NdArray};
use burn::module::{Module, Param};
use burn::nn::loss::{MseLoss, Reduction};
use burn::nn::{Linear, LinearConfig, Relu};
use burn::optim::{GradientsParams, Optimizer, SgdConfig};
use burn::tensor::backend::Backend;
use burn::tensor::{Tensor, TensorData};

type B = Autodiff<NdArray<f32>>;

#[derive(Module, Debug)]
struct Mlp<B: Backend> {
    hidden: Linear<B>,
    out: Linear<B>,
    relu: Relu,
}

impl<B: Backend> Mlp<B> {
    fn forward(&self, x: Tensor<B, 2>) -> Tensor<B, 2> {
        self.out.forward(self.relu.forward(self.hidden.forward(x)))
    }
}

/// i = 0, 1, …에 대해 (i % m - s) / d를 rows × cols로 늘어놓은 행렬: 모든 예제가 쓰는 고정된 식입니다.
fn formula<B: Backend>(rows: usize, cols: usize, m: usize, s: f32, d: f32, device: &B::Device) -> Tensor<B, 2> {
    let values: Vec<f32> = (0..rows * cols).map(|i| ((i % m) as f32 - s) / d).collect();
    Tensor::from_data(TensorData::new(values, [rows, cols]), device)
}

fn main() {
    let device = Default::default();
    let x = formula::<B>(8, 4, 7, 3.0, 3.0, &device);
    let y = x.clone().slice([0..8, 0..1]) - x.clone().slice([0..8, 1..2]) * x.clone().slice([0..8, 2..3]);

    // 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 입력 × 출력)
    let mut hidden = LinearConfig::new(4, 8).init::<B>(&device);
    hidden.weight = Param::from_tensor(formula::<B>(4, 8, 5, 2.0, 10.0, &device));
    hidden.bias = Some(Param::from_tensor(Tensor::full([8], 0.01, &device)));
    let mut out = LinearConfig::new(8, 1).init::<B>(&device);
    out.weight = Param::from_tensor(formula::<B>(8, 1, 3, 1.0, 5.0, &device));
    out.bias = Some(Param::from_tensor(Tensor::zeros([1], &device)));
    let mut model = Mlp { hidden, out, relu: Relu::new() };
    let mut optimizer = SgdConfig::new().init();

    println!("burn 0.21 (Cargo.toml)");
    for step in 1..=5 {
        let loss = MseLoss::new().forward(model.forward(x.clone()), y.clone(), Reduction::Mean);
        let grads = GradientsParams::from_grads(loss.backward(), &model);
        model = optimizer.step(0.1, model, grads);
        println!("step {step} loss {:.6}", loss.into_scalar());
    }
}
