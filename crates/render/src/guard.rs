//! Bounds on what a template may build in memory.
//!
//! minijinja's fuel counts instructions, not bytes: `{% set s = 'x' * 100000000 %}` followed by
//! a few `{% set s = s ~ s %}` costs a handful of instructions and gigabytes of memory. The
//! engine offers no hook on its operators, so before a template is compiled its source is
//! rewritten: every `a ~ b`, `a + b` and `a * b` becomes `a|__concat(b)`, `a|__add(b)`,
//! `a|__mul(b)`, filters of ours that refuse a result larger than [`MAX_VALUE_BYTES`] before
//! allocating it. The rewrite only inserts text inside expressions, never a newline, so line
//! numbers of runtime errors stay those of the analyst's file; syntax errors are reported from
//! the untouched source.
//!
//! Filters that can grow a value (`join`, `replace`, `indent`, `list`, `string`, …) are
//! replaced by bounded versions in `engine`, and every `{{ … }}` goes through a formatter that
//! counts bytes, so captures (`{% set x %}…{% endset %}`, macro calls) are bounded too.

use minijinja::machinery::ast::{BinOpKind, CallArg, Expr, Stmt};
use minijinja::machinery::{Span, parse};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Value, ValueKind};
use minijinja::{Error, ErrorKind};

/// The largest string or sequence one operator or filter may produce.
pub const MAX_VALUE_BYTES: usize = 4 << 20;
/// The most items a sequence built by a template may hold.
pub const MAX_ITEMS: usize = 100_000;

/// The rewritten source, and the longest run of literal text (the fuel budget depends on it).
pub struct Rewritten {
    pub source: String,
    pub longest_raw: usize,
}

/// Rewrites the growth operators of `source` into bounded filters. The source must parse.
pub fn rewrite(source: &str, name: &str, syntax: SyntaxConfig) -> Result<Rewritten, Error> {
    let ast = parse(source, name, syntax)?;
    let mut w = Walker {
        src: source,
        edits: Vec::new(),
        longest_raw: 0,
    };
    w.stmt(&ast);
    // Stable by offset, then by the order the walk produced the edits.
    w.edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(source.len() + w.edits.len() * 12);
    let mut at = 0;
    for (offset, kind) in &w.edits {
        let offset = *offset;
        out.push_str(&source[at..offset]);
        match kind {
            Edit::Insert(s) => out.push_str(s),
            Edit::Replace(len, s) => {
                out.push_str(s);
                at = offset + len;
                continue;
            }
        }
        at = offset;
    }
    out.push_str(&source[at..]);
    Ok(Rewritten {
        source: out,
        longest_raw: w.longest_raw,
    })
}

enum Edit {
    Insert(&'static str),
    /// Replace `len` bytes with the text.
    Replace(usize, &'static str),
}

struct Walker<'s> {
    src: &'s str,
    edits: Vec<(usize, Edit)>,
    longest_raw: usize,
}

fn span_of(e: &Expr<'_>) -> Span {
    match e {
        Expr::Var(x) => x.span(),
        Expr::Const(x) => x.span(),
        Expr::Slice(x) => x.span(),
        Expr::UnaryOp(x) => x.span(),
        Expr::BinOp(x) => x.span(),
        Expr::Compare(x) => x.span(),
        Expr::IfExpr(x) => x.span(),
        Expr::Filter(x) => x.span(),
        Expr::Test(x) => x.span(),
        Expr::GetAttr(x) => x.span(),
        Expr::GetItem(x) => x.span(),
        Expr::Call(x) => x.span(),
        Expr::List(x) => x.span(),
        Expr::Tuple(x) => x.span(),
        Expr::Map(x) => x.span(),
    }
}

impl Walker<'_> {
    fn stmts(&mut self, body: &[Stmt<'_>]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt<'_>) {
        match s {
            Stmt::Template(t) => self.stmts(&t.children),
            Stmt::EmitExpr(e) => self.expr(&e.expr),
            Stmt::EmitRaw(r) => self.longest_raw = self.longest_raw.max(r.raw.len()),
            Stmt::ForLoop(f) => {
                self.expr(&f.target);
                self.expr(&f.iter);
                if let Some(e) = &f.filter_expr {
                    self.expr(e);
                }
                self.stmts(&f.body);
                self.stmts(&f.else_body);
            }
            Stmt::IfCond(i) => {
                self.expr(&i.expr);
                self.stmts(&i.true_body);
                self.stmts(&i.false_body);
            }
            Stmt::WithBlock(w) => {
                for (a, b) in &w.assignments {
                    self.expr(a);
                    self.expr(b);
                }
                self.stmts(&w.body);
            }
            Stmt::Set(x) => {
                self.expr(&x.target);
                self.expr(&x.expr);
            }
            Stmt::SetBlock(x) => {
                self.expr(&x.target);
                if let Some(f) = &x.filter {
                    self.expr(f);
                }
                self.stmts(&x.body);
            }
            Stmt::AutoEscape(x) => {
                self.expr(&x.enabled);
                self.stmts(&x.body);
            }
            Stmt::FilterBlock(x) => {
                self.expr(&x.filter);
                self.stmts(&x.body);
            }
            Stmt::Block(x) => self.stmts(&x.body),
            Stmt::Import(x) => {
                self.expr(&x.expr);
                self.expr(&x.name);
            }
            Stmt::FromImport(x) => {
                self.expr(&x.expr);
                for (a, b) in &x.names {
                    self.expr(a);
                    if let Some(b) = b {
                        self.expr(b);
                    }
                }
            }
            Stmt::Extends(x) => self.expr(&x.name),
            Stmt::Include(x) => self.expr(&x.name),
            Stmt::Macro(m) => {
                self.exprs(&m.args);
                self.exprs(&m.defaults);
                self.stmts(&m.body);
            }
            Stmt::CallBlock(c) => {
                self.expr(&c.call.expr);
                self.args(&c.call.args);
                self.exprs(&c.macro_decl.args);
                self.exprs(&c.macro_decl.defaults);
                self.stmts(&c.macro_decl.body);
            }
            Stmt::Do(d) => {
                self.expr(&d.call.expr);
                self.args(&d.call.args);
            }
        }
    }

    fn exprs(&mut self, es: &[Expr<'_>]) {
        for e in es {
            self.expr(e);
        }
    }

    fn args(&mut self, args: &[CallArg<'_>]) {
        for a in args {
            match a {
                CallArg::Pos(e)
                | CallArg::Kwarg(_, e)
                | CallArg::PosSplat(e)
                | CallArg::KwargSplat(e) => self.expr(e),
            }
        }
    }

    fn expr(&mut self, e: &Expr<'_>) {
        match e {
            Expr::Var(_) | Expr::Const(_) => {}
            Expr::Slice(s) => {
                self.expr(&s.expr);
                for x in [&s.start, &s.stop, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            Expr::UnaryOp(u) => self.expr(&u.expr),
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                let (filter, op) = match b.op {
                    BinOpKind::Concat => ("|__concat(", '~'),
                    BinOpKind::Add => ("|__add(", '+'),
                    BinOpKind::Mul => ("|__mul(", '*'),
                    _ => return,
                };
                let left = span_of(&b.left);
                let right = span_of(&b.right);
                // A filter binds tighter than any operator, so a left operand that is itself an
                // operator expression not turned into a filter gets parentheses of its own.
                let wrap = match &b.left {
                    Expr::UnaryOp(_) => true,
                    Expr::BinOp(l) => {
                        !matches!(l.op, BinOpKind::Concat | BinOpKind::Add | BinOpKind::Mul)
                    }
                    _ => false,
                };
                if wrap {
                    self.edits
                        .push((left.start_offset as usize, Edit::Insert("(")));
                    self.edits
                        .push((left.end_offset as usize, Edit::Insert(")")));
                }
                // The operator is the first occurrence of its character after the left operand
                // (only parentheses and white space stand between them).
                let (from, to) = (left.end_offset as usize, right.start_offset as usize);
                let Some(at) = self.src.get(from..to.max(from)).and_then(|t| t.find(op)) else {
                    return;
                };
                self.edits.push((from + at, Edit::Replace(1, filter)));
                self.edits
                    .push((right.end_offset as usize, Edit::Insert(")")));
            }
            Expr::Compare(c) => {
                self.expr(&c.expr);
                for op in &c.ops {
                    self.expr(&op.expr);
                }
            }
            Expr::IfExpr(i) => {
                self.expr(&i.test_expr);
                self.expr(&i.true_expr);
                if let Some(f) = &i.false_expr {
                    self.expr(f);
                }
            }
            Expr::Filter(f) => {
                if let Some(e) = &f.expr {
                    self.expr(e);
                }
                self.args(&f.args);
            }
            Expr::Test(t) => {
                self.expr(&t.expr);
                self.args(&t.args);
            }
            Expr::GetAttr(g) => self.expr(&g.expr),
            Expr::GetItem(g) => {
                self.expr(&g.expr);
                self.expr(&g.subscript_expr);
            }
            Expr::Call(c) => {
                self.expr(&c.expr);
                self.args(&c.args);
            }
            Expr::List(l) => self.exprs(&l.items),
            Expr::Tuple(t) => self.exprs(&t.items),
            Expr::Map(m) => {
                self.exprs(&m.keys);
                self.exprs(&m.values);
            }
        }
    }
}

/// A string that refuses to grow past a limit: `write!` into it fails instead of allocating.
pub struct Bounded {
    pub buf: String,
    pub limit: usize,
}

impl std::fmt::Write for Bounded {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.buf.len() + s.len() > self.limit {
            return Err(std::fmt::Error);
        }
        self.buf.push_str(s);
        Ok(())
    }
}

/// The text of `v`, or an error when it would exceed `limit` bytes.
pub fn bounded_string(v: &Value, limit: usize) -> Result<String, Error> {
    if let Some(s) = v.as_str() {
        if s.len() > limit {
            return Err(too_large());
        }
        return Ok(s.to_string());
    }
    let mut b = Bounded {
        buf: String::new(),
        limit,
    };
    std::fmt::write(&mut b, format_args!("{v}")).map_err(|_| too_large())?;
    Ok(b.buf)
}

pub fn too_large() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!(
            "the template builds a value larger than {} MiB; templates format a briefing, they do not generate data",
            MAX_VALUE_BYTES >> 20
        ),
    )
}

/// Which operand was undefined travels in the detail, so the error can name the variable.
fn not_undefined(v: &Value, side: &'static str) -> Result<(), Error> {
    if v.is_undefined() {
        return Err(Error::new(ErrorKind::UndefinedError, side));
    }
    Ok(())
}

fn seq_len(v: &Value) -> Option<usize> {
    matches!(v.kind(), ValueKind::Seq | ValueKind::Iterable)
        .then(|| v.len())
        .flatten()
}

/// `a ~ b`, bounded.
pub fn concat(a: Value, b: Value) -> Result<Value, Error> {
    not_undefined(&a, "left")?;
    not_undefined(&b, "right")?;
    let mut s = bounded_string(&a, MAX_VALUE_BYTES)?;
    let rest = bounded_string(&b, MAX_VALUE_BYTES - s.len())?;
    s.push_str(&rest);
    Ok(Value::from(s))
}

/// `a + b`, bounded: numbers add, strings and sequences concatenate.
pub fn add(a: Value, b: Value) -> Result<Value, Error> {
    not_undefined(&a, "left")?;
    not_undefined(&b, "right")?;
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        if x.len() + y.len() > MAX_VALUE_BYTES {
            return Err(too_large());
        }
        return Ok(Value::from(format!("{x}{y}")));
    }
    if let (Some(n), Some(m)) = (seq_len(&a), seq_len(&b)) {
        if n + m > MAX_ITEMS {
            return Err(too_large());
        }
        let items: Vec<Value> = a.try_iter()?.chain(b.try_iter()?).collect();
        return Ok(Value::from(items));
    }
    arith(&a, &b, "+", i64::checked_add, |x, y| x + y)
}

/// `a * b`, bounded: numbers multiply, a string or sequence repeats.
pub fn mul(a: Value, b: Value) -> Result<Value, Error> {
    not_undefined(&a, "left")?;
    not_undefined(&b, "right")?;
    let repeat = |seq: &Value, n: &Value| -> Result<Value, Error> {
        let times = n.as_usize().ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "a string or list can only be multiplied by a whole number",
            )
        })?;
        if let Some(s) = seq.as_str() {
            if s.len().saturating_mul(times) > MAX_VALUE_BYTES {
                return Err(too_large());
            }
            return Ok(Value::from(s.repeat(times)));
        }
        let len = seq_len(seq).ok_or_else(|| {
            Error::new(ErrorKind::InvalidOperation, "only a list can be repeated")
        })?;
        if len.saturating_mul(times) > MAX_ITEMS {
            return Err(too_large());
        }
        let once: Vec<Value> = seq.try_iter()?.collect();
        Ok(Value::from_iter(std::iter::repeat_n(once, times).flatten()))
    };
    let is_seq = |v: &Value| v.as_str().is_some() || seq_len(v).is_some();
    if is_seq(&a) {
        return repeat(&a, &b);
    }
    if is_seq(&b) {
        return repeat(&b, &a);
    }
    arith(&a, &b, "*", i64::checked_mul, |x, y| x * y)
}

fn arith(
    a: &Value,
    b: &Value,
    op: &str,
    int: fn(i64, i64) -> Option<i64>,
    float: fn(f64, f64) -> f64,
) -> Result<Value, Error> {
    let fail = || {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("cannot use {op} on {} and {}", a.kind(), b.kind()),
        )
    };
    if a.kind() != ValueKind::Number || b.kind() != ValueKind::Number {
        return Err(fail());
    }
    if a.is_integer() && b.is_integer() {
        let (x, y) = (
            i64::try_from(a.clone()).map_err(|_| fail())?,
            i64::try_from(b.clone()).map_err(|_| fail())?,
        );
        return int(x, y).map(Value::from).ok_or_else(fail);
    }
    let (x, y) = (
        f64::try_from(a.clone()).map_err(|_| fail())?,
        f64::try_from(b.clone()).map_err(|_| fail())?,
    );
    Ok(Value::from(float(x, y)))
}
