//! The small neural networks of the tagger and parser: embedding tables and affine
//! layers in `f32`, their training (backpropagation, Adam) and their compact binary
//! form (each row quantised to 8 bits with its own scale).
//!
//! Plain loops over row-major matrices: the compiler vectorises the inner loops, and
//! the same code runs natively and in WebAssembly.

use crate::analysis::Error;

/// Writes a varint (7 bits a byte, low first).
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads a varint at `*at`.
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u64, Error> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at).ok_or_else(|| Error::model("truncated"))?;
        *at += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(Error::model("varint too long"))
}

/// A row-major matrix.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mat {
    pub rows: usize,
    pub cols: usize,
    pub w: Vec<f32>,
}

impl Mat {
    pub(crate) fn zeros(rows: usize, cols: usize) -> Mat {
        Mat { rows, cols, w: vec![0.0; rows * cols] }
    }

    /// Uniform in ±`scale`, from a deterministic source.
    pub(crate) fn random(rows: usize, cols: usize, scale: f32, rng: &mut Rng) -> Mat {
        let w = (0..rows * cols).map(|_| (rng.unit() * 2.0 - 1.0) * scale).collect();
        Mat { rows, cols, w }
    }

    #[inline]
    pub(crate) fn row(&self, r: usize) -> &[f32] {
        &self.w[r * self.cols..(r + 1) * self.cols]
    }

    /// Appends the binary form: sizes, then per row a scale (one byte: a power of two
    /// in eighths, [`scale`]) and one signed byte per value.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        write_varint(out, self.rows as u64);
        write_varint(out, self.cols as u64);
        for r in 0..self.rows {
            let row = self.row(r);
            let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
            // The smallest scale that keeps the largest value within ±127.
            let e = if max > 0.0 {
                ((8.0 * (max / 127.0).log2()).ceil() + 160.0).clamp(0.0, 255.0) as u8
            } else {
                0
            };
            out.push(e);
            let s = scale(e);
            out.extend(row.iter().map(|v| (v / s).round().clamp(-127.0, 127.0) as i8 as u8));
        }
    }

    /// Reads the binary form at `*at`.
    pub(crate) fn read(bytes: &[u8], at: &mut usize) -> Result<Mat, Error> {
        let rows = read_varint(bytes, at)? as usize;
        let cols = read_varint(bytes, at)? as usize;
        if rows.saturating_mul(cols) > 1 << 24 {
            return Err(Error::model(format!("a {rows} × {cols} matrix")));
        }
        let mut w = Vec::with_capacity(rows * cols);
        for _ in 0..rows {
            let scale = scale(*bytes.get(*at).ok_or_else(|| Error::model("truncated"))?);
            *at += 1;
            let vals = bytes.get(*at..*at + cols).ok_or_else(|| Error::model("truncated matrix"))?;
            *at += cols;
            w.extend(vals.iter().map(|&v| f32::from(v as i8) * scale));
        }
        Ok(Mat { rows, cols, w })
    }

    /// The matrix as its binary form reads back (to train and test on what ships).
    #[cfg(test)]
    pub(crate) fn quantised(&self) -> Mat {
        let mut out = Vec::new();
        self.write(&mut out);
        let mut at = 0;
        match Mat::read(&out, &mut at) {
            Ok(m) => m,
            Err(e) => panic!("a matrix just written does not read back: {e}"),
        }
    }
}

/// The scale of a row's byte code `e`: 2^((e - 160) / 8).
fn scale(e: u8) -> f32 {
    ((f32::from(e) - 160.0) / 8.0).exp2()
}

/// `out = x · W + b` for `W` of `x.len()` rows.
#[inline]
pub(crate) fn affine(x: &[f32], w: &Mat, b: &[f32], out: &mut [f32]) {
    out.copy_from_slice(b);
    for (i, &xi) in x.iter().enumerate() {
        if xi != 0.0 {
            for (o, &wij) in out.iter_mut().zip(w.row(i)) {
                *o += xi * wij;
            }
        }
    }
}

#[inline(always)]
pub(crate) fn relu(v: &mut [f32]) {
    v.iter_mut().for_each(|x| *x = x.max(0.0));
}

/// The index of the highest value (the first on ties).
pub(crate) fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[best] {
            best = i;
        }
    }
    best
}

/// Softmax in place.
pub(crate) fn softmax(v: &mut [f32]) {
    let max = v.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    v.iter_mut().for_each(|x| *x /= sum);
}

/// A small deterministic random source (xorshift64*).
#[derive(Clone, Debug)]
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    pub(crate) fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A parameter matrix in training: its gradient and Adam's moments. Embedding tables
/// are updated only in the rows a batch touched (lazy Adam).
#[derive(Clone, Debug)]
pub(crate) struct Param {
    pub m: Mat,
    pub g: Vec<f32>,
    m1: Vec<f32>,
    m2: Vec<f32>,
    /// For embedding tables: the rows touched since the last step.
    touched: Option<Vec<usize>>,
    steps: Vec<u32>,
}

impl Param {
    pub(crate) fn dense(m: Mat) -> Param {
        let n = m.w.len();
        Param { m, g: vec![0.0; n], m1: vec![0.0; n], m2: vec![0.0; n], touched: None, steps: vec![0; 1] }
    }

    pub(crate) fn table(m: Mat) -> Param {
        let (n, rows) = (m.w.len(), m.rows);
        Param {
            m,
            g: vec![0.0; n],
            m1: vec![0.0; n],
            m2: vec![0.0; n],
            touched: Some(Vec::new()),
            steps: vec![0; rows],
        }
    }

    /// Adds `d` to the gradient of row `r` (an embedding looked up).
    #[inline]
    pub(crate) fn grad_row(&mut self, r: usize, d: &[f32]) {
        let c = self.m.cols;
        for (g, &x) in self.g[r * c..(r + 1) * c].iter_mut().zip(d) {
            *g += x;
        }
        if let Some(t) = &mut self.touched {
            t.push(r);
        }
    }

    /// One Adam step with learning rate `lr`, then clears the gradient.
    pub(crate) fn step(&mut self, lr: f32) {
        const B1: f32 = 0.9;
        const B2: f32 = 0.999;
        const EPS: f32 = 1e-8;
        let c = self.m.cols;
        let update = |range: std::ops::Range<usize>,
                      t: &mut u32,
                      m: &mut Mat,
                      g: &mut [f32],
                      m1: &mut [f32],
                      m2: &mut [f32]| {
            *t += 1;
            let k1 = 1.0 - B1.powi(*t as i32);
            let k2 = 1.0 - B2.powi(*t as i32);
            for i in range {
                m1[i] = B1 * m1[i] + (1.0 - B1) * g[i];
                m2[i] = B2 * m2[i] + (1.0 - B2) * g[i] * g[i];
                m.w[i] -= lr * (m1[i] / k1) / ((m2[i] / k2).sqrt() + EPS);
                g[i] = 0.0;
            }
        };
        match self.touched.take() {
            None => {
                let n = self.m.w.len();
                update(0..n, &mut self.steps[0], &mut self.m, &mut self.g, &mut self.m1, &mut self.m2);
            }
            Some(mut rows) => {
                rows.sort_unstable();
                rows.dedup();
                for &r in &rows {
                    update(
                        r * c..(r + 1) * c,
                        &mut self.steps[r],
                        &mut self.m,
                        &mut self.g,
                        &mut self.m1,
                        &mut self.m2,
                    );
                }
                rows.clear();
                self.touched = Some(rows);
            }
        }
    }
}

/// Backpropagates through `out = x · W + b`: adds to the gradients of `W` and `b`
/// and, when asked, writes the gradient of `x`.
pub(crate) fn affine_backward(x: &[f32], w: &mut Param, b: &mut Param, dout: &[f32], dx: Option<&mut [f32]>) {
    for (gb, &d) in b.g.iter_mut().zip(dout) {
        *gb += d;
    }
    let cols = w.m.cols;
    for (i, &xi) in x.iter().enumerate() {
        if xi != 0.0 {
            for (g, &d) in w.g[i * cols..(i + 1) * cols].iter_mut().zip(dout) {
                *g += xi * d;
            }
        }
    }
    if let Some(dx) = dx {
        for (i, d) in dx.iter_mut().enumerate() {
            *d = w.m.row(i).iter().zip(dout).map(|(a, b)| a * b).sum();
        }
    }
}

/// A network of embedding tables, one hidden layer (ReLU) and linear heads: the
/// input is the concatenation of embedding rows named by slots (table, row).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Net {
    pub tables: Vec<Mat>,
    pub w1: Mat,
    pub b1: Mat,
    pub heads: Vec<(Mat, Mat)>,
}

impl Net {
    /// A network with random weights: tables of `(rows, width)`, `hidden` units and
    /// heads of the given sizes; `inputs` is the width of the concatenated input.
    pub(crate) fn new(
        tables: &[(usize, usize)],
        inputs: usize,
        hidden: usize,
        heads: &[usize],
        rng: &mut Rng,
    ) -> Net {
        let tables = tables.iter().map(|&(r, c)| Mat::random(r, c, 0.1, rng)).collect();
        let s1 = (6.0 / (inputs + hidden) as f32).sqrt();
        Net {
            tables,
            w1: Mat::random(inputs, hidden, s1, rng),
            b1: Mat { rows: 1, cols: hidden, w: vec![0.01; hidden] },
            heads: heads
                .iter()
                .map(|&n| (Mat::random(hidden, n, (6.0 / (hidden + n) as f32).sqrt(), rng), Mat::zeros(1, n)))
                .collect(),
        }
    }

    /// Appends the binary form, without the first `shared` tables (another network's,
    /// given back to [`Net::read`]).
    pub(crate) fn write(&self, out: &mut Vec<u8>, shared: usize) {
        write_varint(out, (self.tables.len() - shared) as u64);
        self.tables[shared..].iter().for_each(|t| t.write(out));
        self.w1.write(out);
        self.b1.write(out);
        write_varint(out, self.heads.len() as u64);
        for (w, b) in &self.heads {
            w.write(out);
            b.write(out);
        }
    }

    /// Reads the binary form at `*at`; `shared` are its first tables, not stored.
    pub(crate) fn read(bytes: &[u8], at: &mut usize, shared: &[Mat]) -> Result<Net, Error> {
        let n = read_varint(bytes, at)? as usize;
        let mut tables = shared.to_vec();
        for _ in 0..n.min(64) {
            tables.push(Mat::read(bytes, at)?);
        }
        let w1 = Mat::read(bytes, at)?;
        let b1 = Mat::read(bytes, at)?;
        let n = read_varint(bytes, at)? as usize;
        let heads = (0..n.min(64))
            .map(|_| Ok((Mat::read(bytes, at)?, Mat::read(bytes, at)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        let inputs: usize = tables.iter().map(|t| t.cols).sum::<usize>();
        let ok = b1.cols == w1.cols && heads.iter().all(|(w, b)| w.rows == w1.cols && b.cols == w.cols);
        if !ok || inputs == 0 {
            return Err(Error::model("layer sizes do not agree"));
        }
        Ok(Net { tables, w1, b1, heads })
    }

    /// The network as its binary form reads back.
    pub(crate) fn quantised(&self) -> Net {
        let mut out = Vec::new();
        self.write(&mut out, 0);
        let mut at = 0;
        match Net::read(&out, &mut at, &[]) {
            Ok(n) => n,
            Err(e) => panic!("a network just written does not read back: {e}"),
        }
    }
}

/// A network ready to run fast: each input slot's contribution to the hidden layer
/// computed ahead, per row of its table (`row · W1[slot]`), so a forward pass adds a
/// vector per slot instead of multiplying. Small tables are computed when the network
/// is loaded; the big one (words) a row at a time, the first time a word is met.
///
/// Contributions are kept as 16-bit fixed point, one scale per slot (a small table's
/// from its largest value, the big table's from a bound on it, so nothing saturates):
/// a forward pass waits on memory, and this reads half of what `f32` would. The
/// model's weights are 8-bit already; EWT test scores are unchanged (EVALUATION.md).
#[derive(Debug)]
pub(crate) struct Fast {
    pub net: Net,
    /// For each slot: its table and its rows' contributions (small tables), or its
    /// place among the big table's slots.
    slots: Vec<SlotCache>,
    /// The table computed lazily.
    big: usize,
    /// How many slots read the big table.
    big_slots: usize,
    rows: Vec<std::sync::OnceLock<Box<[i16]>>>,
    /// Each head's weights transposed (a row of hidden-layer weights per output), so
    /// an output is one dot product over contiguous memory.
    heads_t: Vec<Mat>,
}

#[derive(Debug)]
enum SlotCache {
    /// Every row's contribution, and the value of one unit of it.
    Eager {
        pre: Vec<i16>,
        unit: f32,
    },
    Lazy {
        index: usize,
        offset: usize,
        unit: f32,
    },
}

impl Fast {
    /// `layout` names the table of each input slot, in order; `big` is the table
    /// computed lazily.
    pub(crate) fn new(net: Net, layout: &[usize], big: usize) -> Fast {
        let hid = net.w1.cols;
        let mut slots = Vec::with_capacity(layout.len());
        let (mut offset, mut big_slots) = (0, 0);
        for &t in layout {
            let table = &net.tables[t];
            if t == big {
                // The largest |contribution| a row can make: per input k, |x_k| times
                // the largest |weight| of W1's row k.
                let wmax: Vec<f32> = (offset..offset + table.cols)
                    .map(|k| net.w1.row(k).iter().fold(0f32, |m, v| m.max(v.abs())))
                    .collect();
                let bound = (0..table.rows)
                    .map(|r| table.row(r).iter().zip(&wmax).map(|(x, w)| x.abs() * w).sum::<f32>())
                    .fold(0f32, f32::max);
                slots.push(SlotCache::Lazy { index: big_slots, offset, unit: unit_for(bound) });
                big_slots += 1;
            } else {
                let mut all = vec![0.0; table.rows * hid];
                for r in 0..table.rows {
                    project(table.row(r), &net.w1, offset, &mut all[r * hid..(r + 1) * hid]);
                }
                let unit = unit_for(all.iter().fold(0f32, |m, v| m.max(v.abs())));
                let mut pre = vec![0; all.len()];
                fix(&all, unit, &mut pre);
                slots.push(SlotCache::Eager { pre, unit });
            }
            offset += table.cols;
        }
        let rows = (0..net.tables[big].rows).map(|_| std::sync::OnceLock::new()).collect();
        let heads_t = net
            .heads
            .iter()
            .map(|(w, _)| {
                let mut t = Mat::zeros(w.cols, w.rows);
                for r in 0..w.rows {
                    for (c, &v) in w.row(r).iter().enumerate() {
                        t.w[c * w.rows + r] = v;
                    }
                }
                t
            })
            .collect();
        Fast { net, slots, big, big_slots, rows, heads_t }
    }

    /// The scores of head `k` for hidden layer `h`.
    pub(crate) fn head(&self, k: usize, h: &[f32], out: &mut Vec<f32>) {
        #[cfg(target_arch = "x86_64")]
        if wide::avx2() {
            // SAFETY: the processor has AVX2 (checked at run time).
            return unsafe { wide::head(self, k, h, out) };
        }
        self.head_body(k, h, out);
    }

    #[inline(always)]
    fn head_body(&self, k: usize, h: &[f32], out: &mut Vec<f32>) {
        let (t, b) = (&self.heads_t[k], &self.net.heads[k].1.w);
        out.resize(t.rows, 0.0);
        // A plain loop (not an iterator adapter), so that it inlines into the AVX2 copy.
        for (o, v) in out.iter_mut().enumerate() {
            *v = b[o] + dot(h, t.row(o));
        }
    }

    /// The contributions of row `r` of the big table to each of its slots.
    fn big_row(&self, r: usize) -> &[i16] {
        self.rows[r].get_or_init(|| {
            let hid = self.net.w1.cols;
            let mut out = vec![0; self.big_slots * hid];
            let mut row = vec![0.0; hid];
            for s in &self.slots {
                if let SlotCache::Lazy { index, offset, unit, .. } = *s {
                    project(self.net.tables[self.big].row(r), &self.net.w1, offset, &mut row);
                    fix(&row, unit, &mut out[index * hid..(index + 1) * hid]);
                }
            }
            out.into_boxed_slice()
        })
    }

    /// The hidden layer for input slots (table, row), in the layout's order.
    pub(crate) fn hidden(&self, slots: &[(usize, usize)], h: &mut Vec<f32>) {
        #[cfg(target_arch = "x86_64")]
        if wide::avx2() {
            // SAFETY: the processor has AVX2 (checked at run time).
            return unsafe { wide::hidden(self, slots, h) };
        }
        self.hidden_body(slots, h);
    }

    #[inline(always)]
    fn hidden_body(&self, slots: &[(usize, usize)], h: &mut Vec<f32>) {
        let hid = self.net.w1.cols;
        h.clear();
        h.extend_from_slice(&self.net.b1.w);
        for (cache, &(_, r)) in self.slots.iter().zip(slots) {
            let (v, unit) = match *cache {
                SlotCache::Eager { ref pre, unit } => (&pre[r * hid..(r + 1) * hid], unit),
                SlotCache::Lazy { index, unit, .. } => {
                    (&self.big_row(r)[index * hid..(index + 1) * hid], unit)
                }
            };
            for (a, &b) in h.iter_mut().zip(v) {
                *a += f32::from(b) * unit;
            }
        }
        relu(h);
    }
}

/// The same loops compiled for AVX2 (eight lanes instead of SSE2's four), chosen at run
/// time on x86-64 processors that have it; without FMA, so the sums, and so the parses,
/// are the same bit for bit on every processor.
#[cfg(target_arch = "x86_64")]
mod wide {
    use super::Fast;

    pub(super) fn avx2() -> bool {
        std::arch::is_x86_feature_detected!("avx2")
    }

    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn hidden(fast: &Fast, slots: &[(usize, usize)], h: &mut Vec<f32>) {
        fast.hidden_body(slots, h);
    }

    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn head(fast: &Fast, k: usize, h: &[f32], out: &mut Vec<f32>) {
        fast.head_body(k, h, out);
    }
}

/// The unit that maps `max` to the largest 16-bit value.
fn unit_for(max: f32) -> f32 {
    if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// `out[j] = round(x[j] / unit)`; the bound `unit` was chosen from keeps it in range.
fn fix(x: &[f32], unit: f32, out: &mut [i16]) {
    for (o, &v) in out.iter_mut().zip(x) {
        *o = (v / unit).round().clamp(-f32::from(i16::MAX), f32::from(i16::MAX)) as i16;
    }
}

/// The dot product of two vectors, in eight lanes (so the compiler vectorises it).
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// `out = x · W[offset .. offset + x.len()]`.
fn project(x: &[f32], w: &Mat, offset: usize, out: &mut [f32]) {
    out.iter_mut().for_each(|o| *o = 0.0);
    for (k, &xk) in x.iter().enumerate() {
        for (o, &wk) in out.iter_mut().zip(w.row(offset + k)) {
            *o += xk * wk;
        }
    }
}

/// What a forward pass in training keeps for the backward pass.
pub(crate) struct Forward {
    pub x: Vec<f32>,
    pub h: Vec<f32>,
    /// Dropout's multiplier per hidden unit (0 or 1/(1-p)).
    mask: Vec<f32>,
}

/// The layers of one network in training; its tables are the trainee's, by index.
struct Layers {
    tables: Vec<usize>,
    w1: Param,
    b1: Param,
    heads: Vec<(Param, Param)>,
}

/// Networks in training that may share embedding tables (the tagger's word table is
/// the parser's, trained by both).
pub(crate) struct Trainee {
    tables: Vec<Param>,
    nets: Vec<Layers>,
    /// Dropout on the hidden layer.
    pub dropout: f32,
}

impl Trainee {
    /// Networks to train together; `shared` lists (network, table, network, table)
    /// pairs that are one table (the second network's copy is dropped).
    pub(crate) fn new(nets: Vec<Net>, shared: &[(usize, usize, usize, usize)], dropout: f32) -> Trainee {
        let mut tables = Vec::new();
        let mut layers = Vec::new();
        for (k, net) in nets.into_iter().enumerate() {
            let mut map = Vec::new();
            for (i, t) in net.tables.into_iter().enumerate() {
                match shared.iter().find(|s| s.2 == k && s.3 == i) {
                    Some(&(n, j, _, _)) => map.push(layers.get(n).map_or(0, |l: &Layers| l.tables[j])),
                    None => {
                        map.push(tables.len());
                        tables.push(Param::table(t));
                    }
                }
            }
            layers.push(Layers {
                tables: map,
                w1: Param::dense(net.w1),
                b1: Param::dense(net.b1),
                heads: net.heads.into_iter().map(|(w, b)| (Param::dense(w), Param::dense(b))).collect(),
            });
        }
        Trainee { tables, nets: layers, dropout }
    }

    /// Rows of network `k`'s table `t`.
    pub(crate) fn rows(&self, k: usize, t: usize) -> usize {
        self.tables[self.nets[k].tables[t]].m.rows
    }

    /// Network `k` as it stands.
    pub(crate) fn net(&self, k: usize) -> Net {
        let l = &self.nets[k];
        Net {
            tables: l.tables.iter().map(|&t| self.tables[t].m.clone()).collect(),
            w1: l.w1.m.clone(),
            b1: l.b1.m.clone(),
            heads: l.heads.iter().map(|(w, b)| (w.m.clone(), b.m.clone())).collect(),
        }
    }

    /// A forward pass of network `k` to its hidden layer, with dropout.
    pub(crate) fn forward(&self, k: usize, slots: &[(usize, usize)], rng: &mut Rng) -> Forward {
        let l = &self.nets[k];
        let mut x = Vec::new();
        for &(t, r) in slots {
            x.extend_from_slice(self.tables[l.tables[t]].m.row(r));
        }
        let mut h = vec![0.0; l.w1.m.cols];
        affine(&x, &l.w1.m, &l.b1.m.w, &mut h);
        relu(&mut h);
        let keep = 1.0 - self.dropout;
        let mask: Vec<f32> = (0..h.len()).map(|_| if rng.unit() < keep { 1.0 / keep } else { 0.0 }).collect();
        h.iter_mut().zip(&mask).for_each(|(v, m)| *v *= m);
        Forward { x, h, mask }
    }

    /// The scores of network `k`'s head `j`.
    pub(crate) fn head(&self, k: usize, j: usize, f: &Forward) -> Vec<f32> {
        let (w, b) = &self.nets[k].heads[j];
        let mut out = vec![0.0; w.m.cols];
        affine(&f.h, &w.m, &b.m.w, &mut out);
        out
    }

    /// Backpropagates through network `k` the softmax cross-entropy of each (head,
    /// scores, gold class): adds to every gradient on the way to the embeddings.
    pub(crate) fn backward(
        &mut self,
        k: usize,
        f: &Forward,
        slots: &[(usize, usize)],
        losses: &[(usize, Vec<f32>, usize)],
    ) {
        let l = &mut self.nets[k];
        let mut dh = vec![0.0; f.h.len()];
        for (j, scores, gold) in losses {
            let mut p = scores.clone();
            softmax(&mut p);
            p[*gold] -= 1.0;
            let (w, b) = &mut l.heads[*j];
            let mut dhk = vec![0.0; f.h.len()];
            affine_backward(&f.h, w, b, &p, Some(&mut dhk));
            dh.iter_mut().zip(&dhk).for_each(|(a, b)| *a += b);
        }
        // Through dropout and the ReLU (a unit at zero passes nothing back).
        for ((d, &h), &m) in dh.iter_mut().zip(&f.h).zip(&f.mask) {
            if h <= 0.0 {
                *d = 0.0;
            } else {
                *d *= m;
            }
        }
        let mut dx = vec![0.0; f.x.len()];
        affine_backward(&f.x, &mut l.w1, &mut l.b1, &dh, Some(&mut dx));
        let mut at = 0;
        for &(t, r) in slots {
            let g = l.tables[t];
            let c = self.tables[g].m.cols;
            self.tables[g].grad_row(r, &dx[at..at + c]);
            at += c;
        }
    }

    /// One Adam step of every parameter.
    pub(crate) fn step(&mut self, lr: f32) {
        self.tables.iter_mut().for_each(|t| t.step(lr));
        for l in &mut self.nets {
            l.w1.step(lr);
            l.b1.step(lr);
            for (w, b) in &mut l.heads {
                w.step(lr);
                b.step(lr);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_round_trip_within_a_quantisation_step() {
        let mut rng = Rng(7);
        let m = Mat::random(5, 9, 0.3, &mut rng);
        let q = m.quantised();
        for r in 0..5 {
            // The scale is rounded up by at most an eighth of a power of two.
            let max = m.row(r).iter().fold(0f32, |a, v| a.max(v.abs()));
            for (a, b) in m.row(r).iter().zip(q.row(r)) {
                assert!((a - b).abs() <= 1.1 * max / 254.0 + 1e-6, "{a} {b}");
            }
        }
    }

    #[test]
    fn a_layer_learns_by_gradient_descent() {
        // Learn y = 2 x0 - x1 with one affine layer.
        let mut rng = Rng(3);
        let mut w = Param::dense(Mat::random(2, 1, 0.1, &mut rng));
        let mut b = Param::dense(Mat::zeros(1, 1));
        for _ in 0..3000 {
            let x = [rng.unit(), rng.unit()];
            let mut y = [0.0];
            affine(&x, &w.m, &b.m.w, &mut y);
            let d = [y[0] - (2.0 * x[0] - x[1])];
            affine_backward(&x, &mut w, &mut b, &d, None);
            w.step(0.01);
            b.step(0.01);
        }
        assert!((w.m.w[0] - 2.0).abs() < 0.05 && (w.m.w[1] + 1.0).abs() < 0.05, "{:?}", w.m.w);
    }
}
