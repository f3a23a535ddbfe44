// The allocation benchmark of binary-trees shape (depth 18, as in the Benchmarks Game):
// a long-lived tree, then many short-lived trees of growing depth, checked by node counts.
public class BinaryTreesBench {
    static final class Node {
        final Node left, right;
        Node(Node left, Node right) { this.left = left; this.right = right; }
        int check() { return left == null ? 1 : 1 + left.check() + right.check(); }
    }

    static Node tree(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(tree(depth - 1), tree(depth - 1));
    }

    public static void main(String[] args) {
        int maxDepth = args.length > 0 ? Integer.parseInt(args[0]) : 18;
        int minDepth = 4;
        System.out.println("stretch tree of depth " + (maxDepth + 1) + "\t check: " + tree(maxDepth + 1).check());
        Node longLived = tree(maxDepth);
        for (int depth = minDepth; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + minDepth);
            int check = 0;
            for (int i = 0; i < iterations; i++) check += tree(depth).check();
            System.out.println(iterations + "\t trees of depth " + depth + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.check());
    }
}
