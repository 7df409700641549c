fn main() {
    temper::run();
}
