package hw5;

public class Q2 {
    public static void main(String[] args) {
        this does not compile
    }
}
