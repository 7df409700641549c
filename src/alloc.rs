//! A small memory allocator for the wasm build.
//!
//! The standard one (dlmalloc) is about 7 KB of wasm; this one is a few
//! hundred bytes and is fast for what Temper does: many small, short-lived
//! strings and a few large buffers (the stored JSON).
//!
//! Design: segregated free lists with power-of-two size classes.
//! - A request is rounded up to a power of two of at least 16 bytes, so
//!   every block is aligned to its own size (all alignments Rust asks for
//!   are powers of two no larger than the size class).
//! - Classes up to 32 KB carve blocks from their own 64 KB pages taken from
//!   `memory.grow`; larger classes take whole runs of pages.
//! - Freed blocks go on their class's list and are reused first. Memory is
//!   never returned to the browser (wasm can't shrink memory anyway).
//!
//! Wasm in the browser runs on one thread here, so the state needs no lock.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;
const MIN_CLASS: u32 = 4; // 16 bytes
const CLASSES: usize = 32;

struct State {
    /// Head of each class's free list (0 = empty); a free block's first
    /// word holds the next one.
    free: [usize; CLASSES],
    /// Next unused byte and end of the current page, for each small class.
    next: [usize; CLASSES],
    end: [usize; CLASSES],
}

pub struct Allocator(UnsafeCell<State>);

// Safety: the wasm32-unknown-unknown build has a single thread.
unsafe impl Sync for Allocator {}

impl Allocator {
    pub const fn new() -> Self {
        Allocator(UnsafeCell::new(State {
            free: [0; CLASSES],
            next: [0; CLASSES],
            end: [0; CLASSES],
        }))
    }
}

impl Default for Allocator {
    fn default() -> Self {
        Self::new()
    }
}

/// The size class of a layout: log2 of the block size.
fn class(layout: &Layout) -> u32 {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    size.next_power_of_two().trailing_zeros()
}

/// `pages` new pages from the browser, or `None` when memory is exhausted.
fn grow(pages: usize) -> Option<usize> {
    let before = core::arch::wasm32::memory_grow(0, pages);
    (before != usize::MAX).then_some(before * PAGE)
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(&layout);
        let size = 1usize << k;
        let s = &mut *self.0.get();
        let i = k as usize;
        if i >= CLASSES {
            return null_mut();
        }
        let head = s.free[i];
        if head != 0 {
            s.free[i] = *(head as *const usize);
            return head as *mut u8;
        }
        if size >= PAGE {
            return grow(size / PAGE).map_or(null_mut(), |p| p as *mut u8);
        }
        if s.next[i] + size > s.end[i] || s.next[i] == 0 {
            let Some(p) = grow(1) else { return null_mut() };
            s.next[i] = p;
            s.end[i] = p + PAGE;
        }
        let p = s.next[i];
        s.next[i] += size;
        p as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let s = &mut *self.0.get();
        let i = class(&layout) as usize;
        *(ptr as *mut usize) = s.free[i];
        s.free[i] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(&new) == class(&layout) {
            return ptr;
        }
        let out = self.alloc(new);
        if !out.is_null() {
            core::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        out
    }
}
