namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>Growing (splits) and shrinking (freeing empty nodes) the tree along the writer's recorded path.</summary>
internal sealed partial class TreeIndex
{
    private readonly record struct PathStep(Inner Node, int Child);

    private void InsertIntoLeaf(Leaf leaf, int i, KeyIndex item, PathStep[] path)
    {
        if (leaf.Count < LeafCapacity)
        {
            leaf.InsertAt(i, item);
            return;
        }
        // Split: the upper half moves to a new right sibling, then the item goes to whichever side owns it.
        // An append at the end (keys arriving in order, the common case for generated names) moves nothing:
        // the new item starts the sibling, so in-order loads leave full nodes instead of half-full ones.
        var right = new Leaf();
        int half = i == LeafCapacity ? LeafCapacity : LeafCapacity / 2;
        Array.Copy(leaf.Items, half, right.Items, 0, LeafCapacity - half);
        Array.Clear(leaf.Items, half, LeafCapacity - half);
        right.Count = LeafCapacity - half;
        leaf.Count = half;
        leaf.Rehead();
        right.Rehead();
        right.Next = leaf.Next;
        right.Prev = leaf;
        if (leaf.Next is not null)
        {
            leaf.Next.Prev = right;
        }
        leaf.Next = right;
        if (i < half || (i == half && half < LeafCapacity))
        {
            leaf.InsertAt(i, item);
        }
        else
        {
            right.InsertAt(i - half, item);
        }
        InsertIntoParent(leaf, right.Items[0].Key, right, path, _depth - 2);
    }

    private void InsertIntoParent(Node left, byte[] lowerBound, Node right, PathStep[] path, int level)
    {
        if (level < 0)
        {
            var root = new Inner();
            root.Children[0] = left;
            root.Count = 1;
            root.InsertAt(1, lowerBound, right);
            _root = root;
            _depth++;
            return;
        }
        Inner parent = path[level].Node;
        int at = path[level].Child + 1;
        if (parent.Count < InnerCapacity)
        {
            parent.InsertAt(at, lowerBound, right);
            return;
        }
        if (at == InnerCapacity)
        {
            // Append at the end (in-order load): the new child starts a sibling of its own; nothing moves.
            var tail = new Inner();
            tail.Children[0] = right;
            tail.Count = 1;
            InsertIntoParent(parent, lowerBound, tail, path, level - 1);
            return;
        }
        var sibling = new Inner();
        int half = InnerCapacity / 2;
        Array.Copy(parent.Children, half, sibling.Children, 0, InnerCapacity - half);
        Array.Copy(parent.Keys, half, sibling.Keys, 0, InnerCapacity - half);
        Array.Clear(parent.Children, half, InnerCapacity - half);
        Array.Clear(parent.Keys, half, InnerCapacity - half);
        sibling.Count = InnerCapacity - half;
        parent.Count = half;
        // The sibling's first lower bound moves up; inside the sibling it becomes the unused Keys[0].
        byte[] upKey = sibling.Keys[0];
        sibling.Keys[0] = null!;
        parent.Rehead();
        sibling.Rehead();
        if (at <= half)
        {
            parent.InsertAt(at, lowerBound, right);
        }
        else
        {
            sibling.InsertAt(at - half, lowerBound, right);
        }
        InsertIntoParent(parent, upKey, sibling, path, level - 1);
    }

    private void RemoveEmptyNode(Node empty, PathStep[] path, int level)
    {
        if (empty is Leaf leaf)
        {
            if (leaf.Prev is not null)
            {
                leaf.Prev.Next = leaf.Next;
            }
            if (leaf.Next is not null)
            {
                leaf.Next.Prev = leaf.Prev;
            }
        }
        Inner parent = path[level].Node;
        parent.RemoveAt(path[level].Child);
        if (parent.Count == 0 && level > 0)
        {
            RemoveEmptyNode(parent, path, level - 1);
        }
        else if (level == 0)
        {
            // Collapse a root that has a single child, repeatedly.
            while (_root is Inner root && root.Count == 1)
            {
                _root = root.Children[0];
                _depth--;
            }
        }
    }
}
