"""PyTorch (float32, as students run it) evaluating a my_model.json on the held-out images.

    torch_eval.py MODEL.json IMAGES THREADS REPEATS
Prints one line per repeat: `torch threads=T repeat=R seconds=S cpu=C` (wall and process CPU seconds of the forward pass over every
image, in batches of 1000, under no_grad), then `torch labels=SHA` of the predicted labels.
"""
import hashlib, json, sys, time
import numpy as np
import torch
import torch.nn.functional as F

model, images, threads, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
m = json.load(open(model))
i = m['input']
raw = np.frombuffer(open(images, 'rb').read(), np.uint8, offset=16).astype(np.float32)
x0 = torch.tensor((raw / i['scale'] - i['mean']) / i['std'], dtype=torch.float32).reshape([-1] + i.get('shape', [784]))
T = lambda v: torch.tensor(v, dtype=torch.float32)
layers = []
for l in m['layers']:
    t = l['type']
    if t == 'linear': w, b = T(l['W']), T(l['b']); layers.append(lambda x, w=w, b=b: torch.addmm(b, x, w))
    elif t == 'relu': layers.append(F.relu)
    elif t == 'conv2d':
        w, b, s, p = T(l['weight']), T(l['bias']), l['stride'], l['padding']
        layers.append(lambda x, w=w, b=b, s=s, p=p: F.conv2d(x, w, b, s, p))
    elif t == 'maxpool2d': layers.append(lambda x, l=l: F.max_pool2d(x, l['kernel'], l['stride'], l['padding']))
    elif t == 'avgpool2d': layers.append(lambda x, l=l: F.avg_pool2d(x, l['kernel'], l['stride'], l['padding']))
    elif t == 'batchnorm':
        a = [T(l[k]) for k in ('mean', 'variance', 'gamma', 'beta')]
        layers.append(lambda x, a=a, e=l['eps']: F.batch_norm(x, a[0], a[1], a[2], a[3], False, 0.0, e))
    elif t == 'flatten': layers.append(lambda x: torch.flatten(x, 1))
    elif t == 'dropout': pass
    elif t == 'softmax': layers.append(lambda x: F.softmax(x, 1))
    elif t == 'logsoftmax': layers.append(lambda x: F.log_softmax(x, 1))
    else: raise ValueError(t)
labels = None
with torch.no_grad():
    for r in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        out = []
        for b in range(0, x0.shape[0], 1000):
            x = x0[b:b + 1000]
            for f in layers:
                x = f(x)
            out.append(x.argmax(1))
        labels = torch.cat(out).numpy().astype(np.uint8)
        print(f"torch threads={threads} repeat={r} seconds={time.perf_counter() - start:.3f} cpu={time.process_time() - cpu:.3f}", flush=True)
print("torch labels=" + hashlib.sha256(labels.tobytes()).hexdigest()[:16])
