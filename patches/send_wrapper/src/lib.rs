//! A stand-in for the `send_wrapper` crate (its 0.6 API), which Leptos uses
//! to keep browser objects in places that require `Send`: `SendWrapper<T>`
//! is `Send` and `Sync` for any `T`, and checks that the value is only used
//! and dropped on the thread that created it.
//!
//! Why Temper has its own: the check calls `std::thread::current()`, and on
//! `wasm32-unknown-unknown` that alone brings about 3.3 KB (gzipped) of
//! thread bookkeeping into the first load, for a program that has exactly
//! one thread. Without the `atomics` target feature a wasm module cannot
//! start threads, so there the check can never fail and is left out. On
//! every other target (the native tests, a threaded wasm build) the value
//! is tagged with its thread and checked, with the same panics as the
//! original crate.

#![forbid(unsafe_op_in_unsafe_fn)]

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod owner {
    /// The one thread there is.
    #[derive(Clone, Copy)]
    pub struct Owner;

    impl Owner {
        pub fn current() -> Owner {
            Owner
        }
        pub fn is_current(self) -> bool {
            true
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
mod owner {
    use std::thread::{self, ThreadId};

    /// The thread that created the value.
    #[derive(Clone, Copy)]
    pub struct Owner(ThreadId);

    impl Owner {
        pub fn current() -> Owner {
            Owner(thread::current().id())
        }
        pub fn is_current(self) -> bool {
            self.0 == thread::current().id()
        }
    }
}

use owner::Owner;

/// A value that may be moved between threads but only used, and dropped,
/// on the thread that wrapped it.
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    owner: Owner,
}

impl<T> SendWrapper<T> {
    /// Wrap a value on the current thread.
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper {
            data: ManuallyDrop::new(data),
            owner: Owner::current(),
        }
    }

    /// Whether the value may be used from the current thread.
    pub fn valid(&self) -> bool {
        self.owner.is_current()
    }

    /// Unwrap the value.
    ///
    /// # Panics
    /// On any thread but the one that wrapped it.
    #[track_caller]
    pub fn take(self) -> T {
        self.check("take the value");
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is forgotten: its `data` is neither read nor
        // dropped again.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    #[track_caller]
    fn check(&self, what: &str) {
        if !self.valid() {
            panic!("SendWrapper: tried to {what} on a thread other than the one that created it");
        }
    }
}

// SAFETY: the wrapped value is only reached through `take`, `Deref`,
// `DerefMut`, `Drop` and the `futures` impls, all of which check the thread
// first (where there can be more than one).
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as for `Send`.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    #[track_caller]
    fn deref(&self) -> &T {
        self.check("use the value");
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check("use the value");
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    #[track_caller]
    fn drop(&mut self) {
        if !std::mem::needs_drop::<T>() || self.valid() {
            // SAFETY: `data` is dropped here once and never used again.
            unsafe { ManuallyDrop::drop(&mut self.data) };
        } else if !std::thread::panicking() {
            panic!("SendWrapper: tried to drop the value on a thread other than the one that created it");
        }
        // While unwinding on the wrong thread the value is leaked rather
        // than dropped, and no second panic is raised.
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.valid() {
            f.debug_tuple("SendWrapper").field(&*self.data).finish()
        } else {
            f.write_str("SendWrapper(<on another thread>)")
        }
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        SendWrapper::new((**self).clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use futures_core::Stream;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    impl<T> SendWrapper<T> {
        #[track_caller]
        fn pinned(self: Pin<&mut Self>) -> Pin<&mut T> {
            self.check("poll the value");
            // SAFETY: `data` is pinned whenever the wrapper is: nothing
            // moves it out of a pinned wrapper (`take` needs the wrapper by
            // value), and `Drop` drops it in place.
            unsafe { self.map_unchecked_mut(|w| &mut *w.data) }
        }
    }

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;

        #[track_caller]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.pinned().poll(cx)
        }
    }

    impl<S: Stream> Stream for SendWrapper<S> {
        type Item = S::Item;

        #[track_caller]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.pinned().poll_next(cx)
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            if self.valid() {
                self.data.size_hint()
            } else {
                (0, None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;
    use std::rc::Rc;
    use std::thread;

    #[test]
    fn works_on_its_own_thread() {
        let w = SendWrapper::new(Rc::new(5));
        assert!(w.valid());
        assert_eq!(**w, 5);
        let c = w.clone();
        assert_eq!(*c.take(), 5);
        assert_eq!(format!("{w:?}"), "SendWrapper(5)");
        drop(w);
    }

    #[test]
    fn refuses_other_threads() {
        let w = SendWrapper::new(Rc::new(5));
        let back = thread::spawn(move || {
            assert!(!w.valid());
            assert_eq!(format!("{w:?}"), "SendWrapper(<on another thread>)");
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| **w));
            assert!(r.is_err());
            w
        })
        .join()
        .unwrap();
        assert!(back.valid());
        // Dropping it elsewhere panics.
        let dropped = thread::spawn(move || drop(back)).join();
        assert!(dropped.is_err());
    }

    #[test]
    fn values_without_drop_glue_drop_anywhere() {
        let w = SendWrapper::new(5u8);
        thread::spawn(move || drop(w)).join().unwrap();
    }
}
